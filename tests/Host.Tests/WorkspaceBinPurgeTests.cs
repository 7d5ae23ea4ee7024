using System.Text;
using MonBureau.Application.Privacy;
using MonBureau.Domain.Common;
using MonBureau.Domain.Privacy;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

/// <summary>The nightly retention purge empties the workspace bin (corbeille) once items can no longer be restored.</summary>
[Collection(AppHost.Name)]
public class WorkspaceBinPurgeTests(AppFactory app)
{
    private const string Upload = "mutation($i: UploadWorkspaceFileInput!) { uploadWorkspaceFile(input: $i) { workspaceFile { id file { fileId } } userErrors { code message } } }";
    private const string Bin = "mutation($i: WorkspaceItemInput!) { binWorkspaceItem(input: $i) { done userErrors { code message } } }";
    private const string Restore = "mutation($i: WorkspaceItemInput!) { restoreWorkspaceItem(input: $i) { done userErrors { code message } } }";

    private async Task<(string Id, Guid FileId)> UploadAndBinAsync(string token, string root, string content)
    {
        var file = (await app.Client(token).SendAsync(Upload, new
        {
            i = new { folderId = root, file = new { name = "brouillon.txt", contentType = "text/plain", contentBase64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(content)) } },
        })).Ok()["uploadWorkspaceFile"]!["workspaceFile"]!;
        var id = file["id"]!.GetValue<string>();
        (await app.Client(token).SendAsync(Bin, new { i = new { itemId = id } })).Ok();
        return (id, Guid.Parse(file["file"]!["fileId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_file_binned_more_than_30_days_ago_is_removed_for_good_with_its_bytes_and_a_recent_one_stays_restorable()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var root = (await app.Client(school.StudentToken).SendAsync("{ myWorkspace { root { id } } }")).Ok()["myWorkspace"]!["root"]!["id"]!.GetValue<string>();
        var old = await UploadAndBinAsync(school.StudentToken, root, "Brouillon de septembre " + Guid.NewGuid());
        app.Clock.Advance(TimeSpan.FromDays(21));
        var recent = await UploadAndBinAsync(school.StudentToken, root, "Brouillon d'octobre " + Guid.NewGuid());
        app.Clock.Advance(TimeSpan.FromDays(10) + TimeSpan.FromHours(1));

        long Binned(PurgeReport report) =>
            report.ByEstablishment.Where(c => c.Category == RetentionCategory.WorkspaceBin && c.EstablishmentId == school.EstablishmentId).Sum(c => c.Count);
        var dryRun = await RetentionPurges.RunAsync(app, dryRun: true);
        Assert.Equal(1, Binned(dryRun));
        Assert.Equal(1, await StoredFiles.CountAsync(app, old.FileId));

        var purged = await RetentionPurges.RunAsync(app, dryRun: false);

        Assert.Equal(1, Binned(purged));
        Assert.Equal(0, await StoredFiles.CountAsync(app, old.FileId));
        Assert.Equal(ErrorCodes.NotFound, (await app.Client(school.StudentToken).SendAsync(Restore, new { i = new { itemId = old.Id } })).FirstErrorCode);
        Assert.Equal(1, await StoredFiles.CountAsync(app, recent.FileId));
        (await app.Client(school.StudentToken).SendAsync(Restore, new { i = new { itemId = recent.Id } })).Ok();
        Assert.Equal(0, Binned(await RetentionPurges.RunAsync(app, dryRun: true)));
    }
}

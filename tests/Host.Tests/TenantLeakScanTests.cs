using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

/// <summary>The storage-level scan must be able to fail: crafted rows, no database.</summary>
public class TenantLeakScanTests
{
    private static readonly Guid SchoolA = Guid.NewGuid();
    private static readonly Guid SchoolB = Guid.NewGuid();
    private static readonly Guid ClassA = Guid.NewGuid();
    private static readonly Guid StudentA = Guid.NewGuid();
    private static readonly Guid StudentB = Guid.NewGuid();

    private static List<StoredRow> TwoSchools() =>
    [
        new("mt_events", SchoolA.ToString(), SchoolA, $$"""{"EstablishmentId":"{{SchoolA}}"}"""),
        new("mt_events", SchoolB.ToString(), SchoolB, $$"""{"EstablishmentId":"{{SchoolB}}"}"""),
        new("mt_events", StudentA.ToString(), SchoolA, $$"""{"ClassId":"{{ClassA}}"}"""),
        new("mt_events", StudentB.ToString(), SchoolB, "{}"),
    ];

    [Fact]
    public void A_read_model_of_one_school_naming_a_student_of_another_school_is_a_leak()
    {
        var rows = TwoSchools();
        rows.Add(new("mt_doc_classdetails", ClassA.ToString(), SchoolA,
            $$"""{"Id":"{{ClassA}}","EstablishmentId":"{{SchoolA}}","StudentIds":["{{StudentA}}","{{StudentB.ToString().ToUpperInvariant()}}"]}"""));

        var leak = Assert.Single(TenantLeakScan.Find(rows));

        Assert.Equal("mt_doc_classdetails", leak.Table);
        Assert.Equal(StudentB.ToString(), leak.Referenced);
        Assert.Equal([SchoolB], leak.ReferencedOwners);
    }

    [Fact]
    public void A_document_without_an_establishment_is_attributed_by_its_id_and_an_event_naming_another_school_leaks()
    {
        var rows = TwoSchools();
        rows.Add(new("mt_doc_homeworkdetails", StudentA.ToString(), null, $$"""{"Seen":"{{SchoolB}}"}"""));
        rows.Add(new("mt_events", StudentA.ToString(), SchoolA, $$"""{"Friend":"{{StudentB}}"}"""));

        Assert.Equal(["mt_doc_homeworkdetails", "mt_events"], TenantLeakScan.Find(rows).Select(l => l.Table).Order());
    }

    [Fact]
    public void A_guardian_of_children_in_both_schools_belongs_to_both_and_is_no_leak()
    {
        var guardian = Guid.NewGuid();
        var rows = TwoSchools();
        rows.Add(new("mt_events", guardian.ToString(), SchoolA, $$"""{"StudentId":"{{StudentA}}"}"""));
        rows.Add(new("mt_events", guardian.ToString(), SchoolB, $$"""{"StudentId":"{{StudentB}}"}"""));
        rows.Add(new("mt_doc_persondetails", guardian.ToString(), null, $$"""{"Children":["{{StudentA}}","{{StudentB}}"]}"""));
        rows.Add(new("mt_doc_rosterentry", StudentB.ToString(), SchoolB, $$"""{"Guardians":["{{guardian}}"]}"""));

        Assert.Empty(TenantLeakScan.Find(rows));
    }
}

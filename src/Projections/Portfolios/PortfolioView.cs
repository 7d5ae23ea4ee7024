using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using MonBureau.Domain.Common;
using MonBureau.Domain.Portfolios;

namespace MonBureau.Projections.Portfolios;

/// <summary>A student's portfolio as its readers see it: the entries in the student's order, each with its feedback.</summary>
public sealed class PortfolioView
{
    public Guid Id { get; set; }
    public Guid EstablishmentId { get; set; }
    public Guid StudentId { get; set; }
    public PersonalData Title { get; set; } = null!;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public bool SharedWithGuardians { get; set; }
    public DateTimeOffset? SharedAt { get; set; }
    public List<PortfolioEntryView> Entries { get; set; } = [];

    /// <summary>The teachers asked for feedback on some entry who have not answered since: their to-do list.</summary>
    public List<Guid> AwaitingFeedbackFrom { get; set; } = [];
}

/// <summary>One entry: the student's handed-in work (by id) and/or their text, the teachers asked, the feedback given.</summary>
public sealed class PortfolioEntryView
{
    public Guid Id { get; set; }
    public Guid? SubmissionId { get; set; }
    public PersonalData Title { get; set; } = null!;
    public PersonalData? Text { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    public DateTimeOffset? EditedAt { get; set; }
    public List<PortfolioFeedbackRequest> FeedbackRequests { get; set; } = [];
    public List<PortfolioFeedback> Feedback { get; set; } = [];
}

/// <summary>The student asked this teacher for feedback; <c>AnsweredAt</c> once they gave it.</summary>
public sealed record PortfolioFeedbackRequest(Guid TeacherId, DateTimeOffset RequestedAt, DateTimeOffset? AnsweredAt);

/// <summary>A teacher's dated comment on an entry, sealed under the student.</summary>
public sealed record PortfolioFeedback(Guid TeacherId, PersonalData Comment, DateTimeOffset GivenAt);

public partial class PortfolioViewProjection : SingleStreamProjection<PortfolioView, Guid>
{
    public static PortfolioView Create(PortfolioCreated e) => new()
    {
        Id = e.PortfolioId,
        EstablishmentId = e.EstablishmentId,
        StudentId = e.StudentId,
        Title = e.Title,
        CreatedAt = e.CreatedAt,
        UpdatedAt = e.CreatedAt,
    };

    public static void Apply(PortfolioEntryAdded e, PortfolioView view)
    {
        view.Entries.Add(new PortfolioEntryView { Id = e.EntryId, SubmissionId = e.SubmissionId, Title = e.Title, Text = e.Text, AddedAt = e.AddedAt });
        view.UpdatedAt = e.AddedAt;
    }

    public static void Apply(PortfolioEntryEdited e, PortfolioView view)
    {
        var entry = view.Entries.Single(x => x.Id == e.EntryId);
        entry.Title = e.Title;
        entry.Text = e.Text;
        entry.EditedAt = e.EditedAt;
        view.UpdatedAt = e.EditedAt;
    }

    public static void Apply(PortfolioEntryRemoved e, PortfolioView view)
    {
        view.Entries.RemoveAll(x => x.Id == e.EntryId);
        view.UpdatedAt = e.RemovedAt;
        Awaiting(view);
    }

    public static void Apply(PortfolioEntriesReordered e, PortfolioView view)
    {
        view.Entries = [.. e.EntryIds.Select(id => view.Entries.Single(x => x.Id == id))];
        view.UpdatedAt = e.ReorderedAt;
    }

    public static void Apply(PortfolioFeedbackRequested e, PortfolioView view)
    {
        view.Entries.Single(x => x.Id == e.EntryId).FeedbackRequests.Add(new PortfolioFeedbackRequest(e.TeacherId, e.RequestedAt, null));
        Awaiting(view);
    }

    public static void Apply(PortfolioFeedbackGiven e, PortfolioView view)
    {
        var entry = view.Entries.Single(x => x.Id == e.EntryId);
        entry.Feedback.Add(new PortfolioFeedback(e.TeacherId, e.Comment, e.GivenAt));
        entry.FeedbackRequests = [.. entry.FeedbackRequests.Select(r => r.TeacherId == e.TeacherId && r.AnsweredAt is null ? r with { AnsweredAt = e.GivenAt } : r)];
        Awaiting(view);
    }

    public static void Apply(PortfolioShared e, PortfolioView view)
    {
        view.SharedWithGuardians = true;
        view.SharedAt = e.SharedAt;
    }

    public static void Apply(PortfolioSharingStopped e, PortfolioView view)
    {
        view.SharedWithGuardians = false;
        view.SharedAt = null;
    }

    private static void Awaiting(PortfolioView view) =>
        view.AwaitingFeedbackFrom = [.. view.Entries.SelectMany(x => x.FeedbackRequests).Where(r => r.AnsweredAt is null).Select(r => r.TeacherId).Distinct()];
}

public static class PortfolioProjectionsSetup
{
    public static void AddPortfolioProjections(this StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Projections.Add<PortfolioViewProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<PortfolioView>().Index(x => x.StudentId);
    }
}

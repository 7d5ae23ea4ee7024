using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Application.Establishments;
using MonBureau.Application.Privacy;
using MonBureau.Domain.Discipline;
using MonBureau.Domain.Privacy;

namespace MonBureau.Application.Discipline;

/// <summary>
/// Takes sanctions out of the student's file on their R511-13 date. The facts are sealed under the student's key,
/// which must outlive the sanction, so they are masked in the sanction's events instead (ADR 0014); the read model
/// is deleted by <see cref="SanctionErased"/>. Masking runs before the session commits: if the commit fails the
/// sanction is still due and the next run masks again (masking an erased value changes nothing) and records it.
/// </summary>
internal static class SanctionPurge
{
    public static async Task<IReadOnlyList<Guid?>> RunAsync(IDocumentSession session, EventChainSealer eventChain, TimeProvider clock, bool dryRun, CancellationToken cancellationToken)
    {
        var today = EstablishmentClock.Today(clock, null); // every establishment so far lives in Europe/Paris
        var candidates = await session.Query<Sanction>().Where(s => !s.Erased && s.ErasedOn < today).ToListAsync(cancellationToken);
        var due = DisciplineDecisions.DueForErasure(candidates, today);
        Guid?[] establishments = [.. due.Select(s => (Guid?)s.EstablishmentId)];
        if (dryRun || due.Count == 0)
            return establishments;

        await eventChain.MaskAsync(session, RetentionCategory.Sanctions, [.. due.Select(s => s.Id)], masking =>
        {
            foreach (var sanction in due)
                masking.IncludeStream(sanction.Id);
        }, cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var sanction in due)
            session.Events.Append(sanction.Id, DisciplineDecisions.Erase(sanction, now));
        return establishments;
    }

    /// <summary>
    /// Punishments are school-life data, not in R511-13: they leave the file once their school year is over, masked
    /// the same way, after the period the establishment adds. They were given before the possible absence of the student's
    /// key, so masking, not shredding.
    /// </summary>
    public static async Task<IReadOnlyList<Guid?>> RunForPunishmentsAsync(IDocumentSession session, EventChainSealer eventChain, TimeProvider clock, bool dryRun, CancellationToken cancellationToken)
    {
        var today = EstablishmentClock.Today(clock, null);
        var kept = await RetentionCutoffs.LoadAsync(session, RetentionCategory.SchoolLifeData, cancellationToken);
        var candidates = await session.Query<Punishment>().Where(p => !p.Erased && p.GivenOn < today).ToListAsync(cancellationToken);
        var due = candidates.Where(p => p.KeptUntil.AddDays((int)kept.For(p.EstablishmentId).TotalDays) < today).ToList();
        Guid?[] establishments = [.. due.Select(p => (Guid?)p.EstablishmentId)];
        if (dryRun || due.Count == 0)
            return establishments;

        await eventChain.MaskAsync(session, RetentionCategory.SchoolLifeData, [.. due.Select(p => p.Id)], masking =>
        {
            foreach (var punishment in due)
                masking.IncludeStream(punishment.Id);
        }, cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var punishment in due)
            session.Events.Append(punishment.Id, new PunishmentErased(punishment.Id, punishment.EstablishmentId, punishment.StudentId, now));
        return establishments;
    }

    /// <summary>What masking leaves of the facts: the subject, no sealed value, so they read as erased.</summary>
    public static SanctionPronounced WithoutFacts(SanctionPronounced e) => e with { Facts = new(e.Facts.SubjectId, null) };

    public static PunishmentGiven WithoutFacts(PunishmentGiven e) => e with { Facts = new(e.Facts.SubjectId, null) };
}

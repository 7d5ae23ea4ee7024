using MonBureau.Domain.People;

namespace MonBureau.Domain.Importing;

/// <summary>A student the establishment's roll already has from earlier imports, found by the keyed hash of their INE.</summary>
public sealed record KnownStudent(string IneKey, Guid PersonId, string ClassName, IReadOnlyDictionary<string, KnownGuardianship> GuardiansByKey);

public sealed record KnownGuardianship(Guid GuardianId, GuardianRights Rights);

/// <summary>Who an imported person line designates: a person already known under that key, nobody yet, or several homonyms.</summary>
public abstract record IdentityMatch
{
    public sealed record Known(Guid PersonId) : IdentityMatch;

    public sealed record Unknown : IdentityMatch;

    /// <summary>No person has this key, but people of that name exist elsewhere: linking is left to a human.</summary>
    public sealed record Ambiguous(int Homonyms) : IdentityMatch;
}

public abstract record RosterStep
{
    public sealed record CreateClass(string Name) : RosterStep;

    public sealed record Enroll(StudentLine Line, string IneKey) : RosterStep;

    public sealed record MoveToClass(Guid StudentId, string ClassName) : RosterStep;

    public sealed record Leave(Guid StudentId) : RosterStep;

    /// <param name="StudentId">Null when the student is enrolled by this same import (then found by <paramref name="IneKey"/>).</param>
    public sealed record AddGuardian(string IneKey, Guid? StudentId, GuardianLine Guardian, Guid? ExistingPersonId) : RosterStep;

    public sealed record ChangeRights(Guid StudentId, Guid GuardianId, GuardianRights Rights) : RosterStep;

    public sealed record EndGuardianship(Guid StudentId, Guid GuardianId) : RosterStep;
}

public sealed record NeedsReview(int LineNumber, string Reason);

public sealed record RosterPlan(IReadOnlyList<RosterStep> Steps, IReadOnlyList<NeedsReview> Reviews);

/// <summary>
/// Compares the file with what earlier imports left and plans only the differences: the same file twice plans
/// nothing; a student who changed class moves; one missing from the file leaves; guardians appear, change rights
/// or go. Never guesses an identity: homonyms without a matching key are left for review.
/// </summary>
public static class RosterPlanning
{
    public static RosterPlan Plan(
        IReadOnlyList<(StudentLine Line, string IneKey)> lines,
        IReadOnlyCollection<KnownStudent> known,
        IReadOnlySet<string> existingClassNames,
        IReadOnlyDictionary<string, IdentityMatch> guardianIdentities)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(existingClassNames);
        ArgumentNullException.ThrowIfNull(guardianIdentities);
        var steps = new List<RosterStep>();
        var reviews = new List<NeedsReview>();
        var knownByIne = known.ToDictionary(k => k.IneKey);

        var classNames = new HashSet<string>(existingClassNames, StringComparer.OrdinalIgnoreCase);
        foreach (var name in lines.Select(l => l.Line.ClassName).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal))
        {
            if (classNames.Add(name))
                steps.Add(new RosterStep.CreateClass(name));
        }

        foreach (var (line, ineKey) in lines)
        {
            knownByIne.TryGetValue(ineKey, out var student);
            if (student is null)
                steps.Add(new RosterStep.Enroll(line, ineKey));
            else if (!string.Equals(student.ClassName, line.ClassName, StringComparison.OrdinalIgnoreCase))
                steps.Add(new RosterStep.MoveToClass(student.PersonId, line.ClassName));

            PlanGuardians(line, ineKey, student, guardianIdentities, steps, reviews);
        }

        var inFile = lines.Select(l => l.IneKey).ToHashSet();
        steps.AddRange(known.Where(k => !inFile.Contains(k.IneKey)).Select(k => new RosterStep.Leave(k.PersonId)));
        return new RosterPlan(steps, reviews);
    }

    private static void PlanGuardians(
        StudentLine line, string ineKey, KnownStudent? student, IReadOnlyDictionary<string, IdentityMatch> identities, List<RosterStep> steps, List<NeedsReview> reviews)
    {
        var current = student?.GuardiansByKey ?? new Dictionary<string, KnownGuardianship>();
        foreach (var guardian in line.Guardians)
        {
            if (current.TryGetValue(guardian.Key, out var existing))
            {
                if (existing.Rights != guardian.Rights)
                    steps.Add(new RosterStep.ChangeRights(student!.PersonId, existing.GuardianId, guardian.Rights));
                continue;
            }

            switch (identities.GetValueOrDefault(guardian.Key) ?? new IdentityMatch.Unknown())
            {
                case IdentityMatch.Known known:
                    steps.Add(new RosterStep.AddGuardian(ineKey, student?.PersonId, guardian, known.PersonId));
                    break;
                case IdentityMatch.Ambiguous ambiguous:
                    reviews.Add(new NeedsReview(line.LineNumber,
                        $"Guardian {guardian.Key} may already have an account ({ambiguous.Homonyms} person(s) of that name): not linked. Link them with linkGuardian (importKey: \"{guardian.Key}\")."));
                    break;
                default:
                    steps.Add(new RosterStep.AddGuardian(ineKey, student?.PersonId, guardian, null));
                    break;
            }
        }

        if (student is null)
            return;
        var keysInFile = line.Guardians.Select(g => g.Key).ToHashSet();
        steps.AddRange(current.Where(c => !keysInFile.Contains(c.Key)).Select(c => new RosterStep.EndGuardianship(student.PersonId, c.Value.GuardianId)));
    }
}

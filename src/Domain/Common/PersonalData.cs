namespace MonBureau.Domain.Common;

/// <summary>
/// A piece of personal data (a name, an e-mail, a free-text body) that belongs to one data subject.
/// It is stored sealed with that subject's key, so forgetting the key erases it everywhere at once
/// (ADR 0005). <see cref="Value"/> is null once the subject has been forgotten.
/// </summary>
public sealed record PersonalData(Guid SubjectId, string? Value)
{
    public static PersonalData Of(Guid subjectId, string value) => new(subjectId, value);

    public override string ToString() => Value ?? "[effacé]";
}

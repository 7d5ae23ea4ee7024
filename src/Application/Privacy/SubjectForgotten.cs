using MonBureau.Domain.Common;

namespace MonBureau.Application.Privacy;

/// <summary>Personal data may not be written again for a data subject whose key was destroyed.</summary>
public static class SubjectForgotten
{
    public static BusinessRuleException Error(Guid subjectId) =>
        new(ErrorCodes.SubjectForgotten, $"Data subject {subjectId} has been erased; no new personal data can be stored for them.");
}

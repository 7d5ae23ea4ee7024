namespace MonBureau.Domain.Privacy;

/// <summary>Why personal data is erased; a closed list, because a free-text reason could itself name the person.</summary>
public enum ErasureGround
{
    DataSubjectRequest,
    RetentionPeriodExpired,
}

/// <summary>Recorded on the subject's own stream when their key is destroyed (right to erasure, RGPD art. 17).</summary>
public sealed record DataSubjectForgotten(Guid SubjectId, ErasureGround Ground, DateTimeOffset ForgottenAt);

public sealed record ForgetDataSubject(Guid SubjectId, ErasureGround Ground);

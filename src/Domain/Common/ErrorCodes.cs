namespace MonBureau.Domain.Common;

/// <summary>Every error code a client can receive in <c>extensions.code</c>; docs/errors.md explains each.</summary>
public static class ErrorCodes
{
    public const string Validation = "VALIDATION";
    public const string NotFound = "NOT_FOUND";
    public const string Forbidden = "FORBIDDEN";
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Conflict = "CONFLICT";
    public const string SubjectForgotten = "SUBJECT_FORGOTTEN";
    public const string ErasureRefused = "ERASURE_REFUSED";
    public const string Unavailable = "UNAVAILABLE";
    public const string InvalidCredentials = "INVALID_CREDENTIALS";
    public const string SecondFactorRequired = "SECOND_FACTOR_REQUIRED";
    public const string SecondFactorEnrollmentRequired = "SECOND_FACTOR_ENROLLMENT_REQUIRED";
    public const string AccountLocked = "ACCOUNT_LOCKED";
    public const string RecipientNotAllowed = "RECIPIENT_NOT_ALLOWED";
    public const string PrivacyApprovalRequired = "PRIVACY_APPROVAL_REQUIRED";
    public const string Locked = "LOCKED";
    public const string QuotaExceeded = "QUOTA_EXCEEDED";
    public const string Internal = "INTERNAL";
}

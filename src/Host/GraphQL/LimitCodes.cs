namespace MonBureau.Host.GraphQL;

/// <summary>Error codes of requests refused by the endpoint's abuse limits (docs/errors.md).</summary>
public static class LimitCodes
{
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";
    public const string DocumentTooLarge = "DOCUMENT_TOO_LARGE";
    public const string BatchNotSupported = "BATCH_NOT_SUPPORTED";
    public const string OperationNotAllowed = "OPERATION_NOT_ALLOWED";
    public const string Timeout = "TIMEOUT";
}

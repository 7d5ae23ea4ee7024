namespace MonBureau.Application;

/// <summary>
/// A natural key reserved by an aggregate (a UAI, a class name in a school year). Inserting the claim in the same
/// transaction as the events makes two concurrent creations with the same key fail instead of both succeeding.
/// </summary>
public sealed record UniqueClaim(string Id, Guid OwnerId)
{
    public static string ForUai(string uai) => $"uai:{uai}";

    public static string ForClassName(Guid establishmentId, int schoolYearStart, string name) =>
        $"class:{establishmentId}:{schoolYearStart}:{name.Trim().ToUpperInvariant()}";

    public static string ForGroupName(Guid establishmentId, int schoolYearStart, string name) =>
        $"group:{establishmentId}:{schoolYearStart}:{name.Trim().ToUpperInvariant()}";
}

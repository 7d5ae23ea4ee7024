namespace MonBureau.Host.GraphQL;

/// <summary>
/// Abuse limits of the public endpoint (configuration section MonBureau:GraphQL). Over a limit, a request gets a
/// coded error (docs/errors.md), never a 500.
/// </summary>
public sealed class GraphQLLimits
{
    public const string Section = "MonBureau:GraphQL";

    /// <summary>Characters of the query document; an import's CSV travels in variables, not here.</summary>
    public int MaxDocumentLength { get; set; } = 32 * 1024;

    /// <summary>Bytes of the whole HTTP body, variables included (a 3,000-student roster is about 300 KiB).</summary>
    public long MaxBodyBytes { get; set; } = 4 * 1024 * 1024;

    public int MaxDepth { get; set; } = 15;

    public int MaxComplexity { get; set; } = 5_000;

    /// <summary>Aliased fields in one document: aliases multiply work without adding depth.</summary>
    public int MaxAliases { get; set; } = 30;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The mutations applying a whole SIECLE or STS/EDT export in one transaction: a lycée's roster takes seconds to
    /// tens of seconds, more at the rentrée peak, and only administrators may send them.
    /// </summary>
    public static readonly string[] Imports = ["importStudentRoster", "importTeachingSchedule"];

    /// <summary>The request limit of <see cref="Imports"/>.</summary>
    public TimeSpan ImportTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a WebSocket client has to send connection_init (graphql-transport-ws) before it is closed (4408).</summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Off in production: the schema stays published as src/Host/schema.graphql.</summary>
    public bool Introspection { get; set; } = true;

    /// <summary>
    /// Optional JSON file mapping SHA-256 hashes (hex) to the only operations production front-ends may send; when
    /// set, any other document is refused.
    /// </summary>
    public string? PersistedOperationsFile { get; set; }
}

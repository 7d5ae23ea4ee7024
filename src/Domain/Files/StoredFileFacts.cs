using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;
using MonBureau.Domain.Common;

namespace MonBureau.Domain.Files;

/// <summary>What is known of an uploaded file once checked: its real content type, size and SHA-256 (hex).</summary>
public sealed record StoredFileFacts(string ContentType, long Size, string Sha256);

/// <summary>A file as a user sends it: the name and declared type are theirs, the bytes decide.</summary>
public sealed record UploadedFile(string Name, string ContentType, byte[] Content) : Redacted;

/// <summary>
/// A stored file as the record it is attached to (a submission, a lesson log entry) names it in its events. The name
/// is the uploader's text, so it is sealed under their key; the facts stay plain.
/// </summary>
public sealed record AttachedFile(Guid FileId, PersonalData Name, string ContentType, long Size, string Sha256)
{
    public StoredFileFacts Facts => new(ContentType, Size, Sha256);
}

/// <summary>The rules every upload passes, whatever area stores it (homework, lesson log, resources, justifications).</summary>
public static class FileRules
{
    /// <summary>Two MiB: a scanned page or a short document, and base64 of it stays under the request limit.</summary>
    public const long MaxBytes = 2 * 1024 * 1024;

    public const int MaxNameLength = 200;

    /// <summary>Checks the bytes against the allow-list by their magic numbers: a declared type that lies is refused.</summary>
    public static StoredFileFacts Inspect(UploadedFile file, IReadOnlyCollection<string> allowedContentTypes)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(allowedContentTypes);
        var name = Require.Text(file.Name, "File name", MaxNameLength);
        var content = file.Content ?? [];
        if (content.Length == 0)
            throw BusinessRuleException.Invalid($"File {name} is empty.");
        if (content.Length > MaxBytes)
            throw BusinessRuleException.Invalid($"File {name} is too large: at most {MaxBytes / (1024 * 1024)} MiB.");
        var declared = (file.ContentType ?? "").Trim().ToLowerInvariant();
        if (!allowedContentTypes.Contains(declared))
            throw BusinessRuleException.Invalid($"File {name}: type {declared} is not accepted here (accepted: {string.Join(", ", allowedContentTypes)}).");
        var detected = FileContentTypes.Detect(content);
        if (detected != declared)
            throw BusinessRuleException.Invalid($"File {name} does not contain what its type {declared} says.");
        return new StoredFileFacts(detected, content.Length, Convert.ToHexStringLower(SHA256.HashData(content)));
    }

    /// <summary>Checks each upload and names it for the record it is attached to, under the id it will be stored as.</summary>
    public static IReadOnlyList<AttachedFile> Attach(IReadOnlyList<(Guid FileId, UploadedFile File)> uploads, Guid ownerId, IReadOnlyCollection<string> allowedContentTypes, int maxFiles)
    {
        ArgumentNullException.ThrowIfNull(uploads);
        if (uploads.Count > maxFiles)
            throw BusinessRuleException.Invalid($"Attach at most {maxFiles} files.");
        return [.. uploads.Select(u =>
        {
            var facts = Inspect(u.File, allowedContentTypes);
            return new AttachedFile(u.FileId, PersonalData.Of(ownerId, u.File.Name.Trim()), facts.ContentType, facts.Size, facts.Sha256);
        })];
    }
}

/// <summary>The content types the ENT accepts, recognised by their first bytes rather than by what the browser claims.</summary>
public static class FileContentTypes
{
    public const string Pdf = "application/pdf";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string PlainText = "text/plain";
    public const string OpenDocumentText = "application/vnd.oasis.opendocument.text";
    public const string WordDocument = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static readonly IReadOnlyList<string> All = [Pdf, Png, Jpeg, PlainText, OpenDocumentText, WordDocument];

    private static readonly byte[] ZipHeader = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>The type the bytes really are, or "application/octet-stream" when none of the accepted ones.</summary>
    public static string Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8))
            return Pdf;
        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            return Png;
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
            return Jpeg;
        if (content.StartsWith(ZipHeader))
        {
            // An OpenDocument file starts with an uncompressed "mimetype" entry; a Word file names its parts "word/…".
            if (content.Length > 38 && content[30..38].SequenceEqual("mimetype"u8) && content[38..].StartsWith(Encoding.ASCII.GetBytes(OpenDocumentText)))
                return OpenDocumentText;
            if (content.IndexOf("word/"u8) >= 0)
                return WordDocument;
            return "application/zip";
        }

        return IsPlainText(content) ? PlainText : "application/octet-stream";
    }

    private static bool IsPlainText(ReadOnlySpan<byte> content)
    {
        if (!Utf8.IsValid(content))
            return false;
        foreach (var b in content)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r'))
                return false;
        }

        return true;
    }

    /// <summary>Normalises a teacher's allow-list; empty means every accepted type.</summary>
    public static IReadOnlyList<string> AllowList(IReadOnlyList<string>? requested)
    {
        if (requested is null || requested.Count == 0)
            return All;
        var normalised = requested.Select(t => (t ?? "").Trim().ToLowerInvariant()).Distinct().ToList();
        var unknown = normalised.FirstOrDefault(t => !All.Contains(t));
        return unknown is null ? normalised : throw BusinessRuleException.Invalid($"Content type {unknown} cannot be accepted (possible: {string.Join(", ", All)}).");
    }
}

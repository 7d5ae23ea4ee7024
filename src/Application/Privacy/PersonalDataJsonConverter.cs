using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using MonBureau.Domain.Common;

namespace MonBureau.Application.Privacy;

/// <summary>
/// Writes <see cref="PersonalData"/> sealed with its subject's key wherever Marten or Wolverine serialize it
/// (events, projected documents, stored envelopes); reads it back as erased once the key is gone.
/// Stored shape: {"subject": "&lt;guid&gt;", "sealed": "&lt;base64&gt;"}.
/// </summary>
public sealed class PersonalDataJsonConverter(SubjectKeyRing keys) : JsonConverter<PersonalData>
{
    private static readonly AsyncLocal<bool> Unopened = new();

    /// <summary>
    /// Until the returned scope is disposed, personal data read on this flow is left sealed: it reads as erased
    /// (<c>Value</c> null), with no key looked up and nothing decrypted. Only for readers that never use a
    /// <see cref="PersonalData"/> value — the indicator rebuild, whose facts hold ids, dates and codes (ADR 0020) —
    /// and that store nothing they read in it.
    /// </summary>
    public static IDisposable LeaveSealed()
    {
        var previous = Unopened.Value;
        Unopened.Value = true;
        return new Restore(previous);
    }

    public override PersonalData Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("Personal data must be stored as a sealed object.");

        Guid? subject = null;
        byte[]? sealedBytes = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var property = reader.GetString();
            reader.Read();
            switch (property)
            {
                case "subject": subject = reader.GetGuid(); break;
                case "sealed" when Unopened.Value: break;
                case "sealed": sealedBytes = reader.TokenType == JsonTokenType.Null ? null : reader.GetBytesFromBase64(); break;
                default: reader.Skip(); break;
            }
        }

        var subjectId = subject ?? throw new JsonException("Personal data without a data subject.");
        if (sealedBytes is null || keys.KeyForReading(subjectId) is not { } key)
            return new PersonalData(subjectId, null);
        return new PersonalData(subjectId, Encoding.UTF8.GetString(Sealing.Open(key, sealedBytes, subjectId.ToByteArray())));
    }

    public override void Write(Utf8JsonWriter writer, PersonalData value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("subject", value.SubjectId);
        if (value.Value is null)
        {
            writer.WriteNull("sealed");
        }
        else
        {
            var key = keys.KeyForWriting(value.SubjectId);
            writer.WriteBase64String("sealed", Sealing.Seal(key, Encoding.UTF8.GetBytes(value.Value), value.SubjectId.ToByteArray()));
        }

        writer.WriteEndObject();
    }

    private sealed class Restore(bool previous) : IDisposable
    {
        public void Dispose() => Unopened.Value = previous;
    }
}

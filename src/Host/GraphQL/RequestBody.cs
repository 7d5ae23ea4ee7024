namespace MonBureau.Host.GraphQL;

internal static class RequestBody
{
    /// <summary>The whole body, or null as soon as it exceeds <paramref name="maxBytes"/> (whatever Content-Length claims).</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpContext http, long maxBytes)
    {
        if (http.Request.ContentLength > maxBytes)
            return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}

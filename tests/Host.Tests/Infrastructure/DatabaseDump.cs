using System.Diagnostics;
using MonBureau.Host.Database;
using Npgsql;

namespace MonBureau.Host.Tests.Infrastructure;

/// <summary>What a backup of the database holds: a plain-SQL <c>pg_dump</c> of every schema, data included.</summary>
public static class DatabaseDump
{
    public static async Task<string> PlainSqlAsync(string connectionString)
    {
        var server = new NpgsqlConnectionStringBuilder(connectionString);
        var info = new ProcessStartInfo(PostgresBinaries.Program("pg_dump"))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])["--format=plain", "--no-owner", "--host", server.Host!, "--port", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--username", server.Username!, "--dbname", server.Database!])
            info.ArgumentList.Add(argument);
        if (server.Password is { Length: > 0 } password)
            info.Environment["PGPASSWORD"] = password;

        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start pg_dump.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"pg_dump failed ({process.ExitCode}): {await error}");
        return await output;
    }
}

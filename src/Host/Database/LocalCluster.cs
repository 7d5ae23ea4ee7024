using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace MonBureau.Host.Database;

/// <summary>
/// A PostgreSQL cluster started from the machine's binaries (initdb + pg_ctl) on a free loopback port.
/// PostgreSQL refuses to run as root, so under root the cluster runs as the 'postgres' system user.
/// A watchdog process stops the cluster and deletes a throwaway data directory if this process dies without
/// disposing it (a crashed or killed test run must not leak servers).
/// </summary>
internal static class LocalCluster
{
    private const string DatabaseName = "monbureau";
    private const string ServiceUser = "postgres";

    public static async Task<PostgresDatabase> StartAsync(string? persistentDataDirectory, ILogger logger, CancellationToken cancellationToken)
    {
        var bin = PostgresBinaries.Directory() ?? throw new InvalidOperationException(
            "No PostgreSQL binaries found (initdb, pg_ctl). Install them with 'apt-get install postgresql', or set MONBUREAU_DB to a connection string.");
        var throwaway = persistentDataDirectory is null;
        var dataDirectory = Path.GetFullPath(persistentDataDirectory ?? Path.Combine(Path.GetTempPath(), $"monbureau-pg-{Guid.NewGuid():N}"));
        Directory.CreateDirectory(dataDirectory);
        var runAs = Environment.UserName == "root" ? ServiceUser : null;
        if (runAs is not null)
            await RunAsync("chown", ["-R", $"{ServiceUser}:", dataDirectory], null, cancellationToken);

        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            string[] initArgs = ["-D", dataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C"];
            await RunAsync(Path.Combine(bin, "initdb"), throwaway ? [.. initArgs, "--no-sync"] : initArgs, runAs, cancellationToken);
        }

        var port = FreePort();
        // Room for five pools of 60 (below): the benchmark runs three application processes and a bare endpoint side
        // by side on one cluster, and at 200 their pools were refused « too many clients » under load.
        var serverOptions = $"-p {port} -k {dataDirectory} -c listen_addresses=127.0.0.1 -c max_connections=300"
            + (throwaway ? " -c fsync=off -c synchronous_commit=off -c full_page_writes=off" : "");
        await RunAsync(
            Path.Combine(bin, "pg_ctl"),
            ["-D", dataDirectory, "-l", Path.Combine(dataDirectory, "server.log"), "-o", serverOptions, "-w", "-t", "60", "start"],
            runAs,
            cancellationToken);
        var watchdog = StartWatchdog(bin, dataDirectory, runAs, throwaway);
        logger.LogInformation("PostgreSQL started on 127.0.0.1:{Port} (data in {DataDirectory})", port, dataDirectory);

        var server = $"Host=127.0.0.1;Port={port};Username=postgres;Include Error Detail=true";
        await EnsureDatabaseAsync(server, cancellationToken);
        return new PostgresDatabase($"{server};Database={DatabaseName};Maximum Pool Size=60", DatabaseSource.LocalCluster, async () =>
        {
            // The watchdog goes last: if this process is cut short midway (as at process exit), it finishes the job.
            await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", dataDirectory, "-m", "fast", "-w", "stop"], runAs, CancellationToken.None);
            if (throwaway)
                Directory.Delete(dataDirectory, recursive: true);
            watchdog.Kill();
            watchdog.Dispose();
        });
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Process StartWatchdog(string bin, string dataDirectory, string? runAs, bool throwaway)
    {
        var stop = $"{(runAs is null ? "" : $"runuser -u {runAs} -- ")}'{Path.Combine(bin, "pg_ctl")}' -D '{dataDirectory}' -m immediate stop";
        var script = $"exec >/dev/null 2>&1 </dev/null; while kill -0 {Environment.ProcessId}; do sleep 1; done; {stop}; "
            + (throwaway ? $"rm -rf '{dataDirectory}'" : "true");
        var info = new ProcessStartInfo("setsid") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("sh");
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        return Process.Start(info) ?? throw new InvalidOperationException("Could not start the PostgreSQL watchdog.");
    }

    private static async Task EnsureDatabaseAsync(string server, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection($"{server};Database=postgres");
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{DatabaseName}'", connection);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE {DatabaseName}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, string? runAs, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(runAs is null ? program : "runuser")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (runAs is not null)
        {
            foreach (var a in (string[])["-u", runAs, "--", program])
                info.ArgumentList.Add(a);
        }

        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {await error}{await output}");
    }
}

using System.Globalization;
using Npgsql;

namespace P402.Tests.Infrastructure.Postgres;

/// <summary>
/// A real PostgreSQL 15 server (Debian's binaries) on a data directory of its own in a temp folder. It listens on a
/// unix socket in that folder only (no TCP port to collide with anything), so the port is only the socket's name.
/// PostgreSQL refuses to run as root: as root, the directory belongs to the <c>postgres</c> user and the server runs
/// as that user (<c>setpriv</c>, which execs, so the PID is the server's). A watchdog shell stops the server by its PID
/// and removes the folder when <see cref="DisposeAsync"/> closes its stdin, or when the test process ends however it ends.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string BinDirectory = "/usr/lib/postgresql/15/bin";
    public const string User = "p402";
    private const int Port = 5432;
    private static readonly Lazy<Task<PostgresServer>> SharedServer = new(() => StartAsync());

    private readonly string _root;
    private PostgresProcess? _process;

    private PostgresServer(string root) => _root = root;

    /// <summary>The one server the test process shares (each test takes a database of its own); stopped when the process ends.</summary>
    public static Task<PostgresServer> SharedAsync() => SharedServer.Value;

    public string SocketDirectory => Path.Combine(_root, "socket");

    public int? ProcessId => _process?.ProcessId;

    /// <summary>A connection string for <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder { Host = SocketDirectory, Port = Port, Username = User, Database = database }.ToString();

    /// <summary>initdb of a fresh data directory, then the server started on it.</summary>
    public static async Task<PostgresServer> StartAsync()
    {
        var server = new PostgresServer(Directory.CreateTempSubdirectory("p402-pg-").FullName);
        Directory.CreateDirectory(server.SocketDirectory);
        if (PostgresProcess.RunsAsRoot)
        {
            await PostgresProcess.RunAsync("chown", ["-R", "postgres:postgres", server._root]);
        }
        await PostgresProcess.RunAsync(Path.Combine(BinDirectory, "initdb"),
            ["-D", server.DataDirectory, "-U", User, "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"], asServerUser: true);
        await server.StartProcessAsync();
        return server;
    }

    /// <summary>A new, empty database on this server; its name.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "p402_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{name}\"";
        await command.ExecuteNonQueryAsync();
        return name;
    }

    /// <summary>
    /// Fast shutdown (SIGINT to the server's PID): connections are closed, the data stays for <see cref="RestartAsync"/>.
    /// The clients' pools are left as they are, as for a server restarted under an app in another process.
    /// </summary>
    public Task StopAsync() => StopAsync(keepData: true);

    /// <summary>The server again on the same data directory, after <see cref="StopAsync()"/>.</summary>
    public Task RestartAsync() => _process is null ? StartProcessAsync() : throw new InvalidOperationException("The server is running.");

    public async ValueTask DisposeAsync()
    {
        if (_process is null)
        {
            Directory.Delete(_root, recursive: true);
            return;
        }
        await StopAsync(keepData: false);
    }

    private string DataDirectory => Path.Combine(_root, "data");

    private async Task StartProcessAsync()
    {
        string[] settings =
        [
            "listen_addresses=", $"port={Port.ToString(CultureInfo.InvariantCulture)}", $"unix_socket_directories={SocketDirectory}",
            "max_connections=400", "shared_buffers=64MB", "fsync=off", "synchronous_commit=off", "full_page_writes=off",
        ];
        _process = await PostgresProcess.StartAsync(_root, DataDirectory, settings, TimeSpan.FromSeconds(60));
    }

    private async Task StopAsync(bool keepData)
    {
        if (_process is { } process)
        {
            _process = null;
            await process.StopAsync(keepData);
        }
    }
}

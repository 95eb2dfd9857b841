using System.Data.Common;
using Npgsql;
using P402.Core.Data;

namespace P402.Tests.Infrastructure.Postgres;

/// <summary>A database of its own on a <see cref="PostgresServer"/>, dropped at the end.</summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    private readonly PostgresServer _server;
    private readonly string _name;

    private PostgresTestDatabase(PostgresServer server, string name)
    {
        _server = server;
        _name = name;
    }

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override string ConnectionString => _server.ConnectionString(_name);

    public static async Task<PostgresTestDatabase> CreateAsync(PostgresServer server) => new(server, await server.CreateDatabaseAsync());

    public override async Task<DbConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString + ";Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    public override async Task FailUpdatesAsync(string table)
    {
        await ScalarAsync($"""
            CREATE FUNCTION "p402_fail_{table}"() RETURNS trigger LANGUAGE plpgsql AS
            $$ BEGIN RAISE EXCEPTION 'updates of {table} fail in this test'; END $$
            """);
        await ScalarAsync($"""CREATE TRIGGER "p402_fail_{table}" BEFORE UPDATE ON "{table}" FOR EACH ROW EXECUTE FUNCTION "p402_fail_{table}"()""");
    }

    public override async Task AllowUpdatesAsync(string table)
    {
        await ScalarAsync($"""DROP TRIGGER "p402_fail_{table}" ON "{table}" """);
        await ScalarAsync($"""DROP FUNCTION "p402_fail_{table}"()""");
    }

    public override async ValueTask DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(_server.ConnectionString() + ";Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)";
        await command.ExecuteNonQueryAsync();
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using P402.Core.Payments;
using P402.Core.Data;
using P402.Tests.Infrastructure;
using P402.Tests.Merchant;

namespace P402.Tests.Facilitator;

/// <summary>Reserving an authorization is one insert that a lost race leaves undone, quietly. On both providers.</summary>
public abstract class SettlementReservationTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly CapturingLoggerProvider _logs = new();
    private CoreDatabase _database = null!;
    private SettlementStore _store = null!;

    public async Task InitializeAsync()
    {
        _database = await CoreDatabase.CreateAsync(provider, services => services.AddLogging(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Debug)));
        _store = _database.Services.GetRequiredService<SettlementStore>();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task TryReserve_FreshAuthorization_InsertsThePendingRow()
    {
        var reserved = await _store.TryReserveAsync(Pending("stl_01JTEST0000000000000000001", nonceDigit: '3'), CancellationToken.None);

        Assert.True(reserved);
        Assert.Equal("Pending", await _database.ScalarAsync("""SELECT "Status" FROM "Settlements" WHERE "Id" = 'stl_01JTEST0000000000000000001'"""));
    }

    [Fact]
    public async Task TryReserve_AuthorizationAlreadyHeld_FalseWithoutAnErrorInTheLogs()
    {
        // The seeded confirmed settlement holds nonce 0x22…22 of this payer.
        var reserved = await _store.TryReserveAsync(Pending("stl_01JTEST0000000000000000002", nonceDigit: '2'), CancellationToken.None);

        Assert.False(reserved);
        Assert.Equal(1L, await _database.ScalarAsync("""SELECT COUNT(*) FROM "Settlements" WHERE "Nonce" = '0x2222222222222222222222222222222222222222222222222222222222222222'"""));
        var complaints = _logs.Lines.Where(line => line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Warning", StringComparison.Ordinal)).ToList();
        Assert.True(complaints.Count == 0, string.Join(Environment.NewLine, complaints));
        Assert.Contains(_logs.Lines, line => line.Contains("ON CONFLICT DO NOTHING", StringComparison.Ordinal)); // the logs are captured at all
    }

    private static Settlement Pending(string id, char nonceDigit) =>
        CoreDatabase.NewSettlement(id, "0x" + new string(nonceDigit, 64), SettlementStatus.Pending);

    public sealed class OnSqlite() : SettlementReservationTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : SettlementReservationTests(DatabaseProvider.Postgres);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using P402.Core.Chain.Ethereum;
using P402.Core.Data;
using P402.Core.Payments;
using P402.Core.Payments.Sending;

namespace P402.Tests.Infrastructure;

/// <summary>Reads a settlement and its attempts as the app recorded them (its own database, through its own context factory).</summary>
public static class TestAttempts
{
    public static async Task<Settlement> SettlementOfAsync(this P402AppFactory app, TestPayment payment)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(payment);
        var nonce = Hex.Encode(payment.Nonce);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<P402DbContext>>().CreateDbContextAsync();
        return await db.Settlements.AsNoTracking().SingleAsync(s => s.Nonce == nonce);
    }

    public static Task<IReadOnlyList<SettlementAttempt>> AttemptsOfAsync(this P402AppFactory app, string settlementId)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Services.GetRequiredService<SettlementStore>().ListAttemptsAsync(settlementId, CancellationToken.None);
    }
}

using System.Numerics;
using Microsoft.Extensions.DependencyInjection;
using P402.Core.Chain.Ethereum;
using P402.Core.Payments;
using P402.Core.Payments.Identifiers;
using P402.Core.Data;
using P402.Tests.Infrastructure;

namespace P402.Tests.Facilitator;

/// <summary>A payment id belongs to the first payment it came with, per merchant; its stored answers come back only for that payment.</summary>
public abstract class PaymentIdentifierStoreTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Id = "pay_0123456789abcdef0123";
    private CoreDatabase _database = null!;
    private PaymentIdentifierStore _ids = null!;

    public async Task InitializeAsync()
    {
        _database = await CoreDatabase.CreateAsync(provider);
        _ids = _database.Services.GetRequiredService<PaymentIdentifierStore>();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Take_NewIdThenSameAndOtherPayment_BoundToTheFirst()
    {
        var payment = Payment(nonce: 1);

        Assert.Equal(new PaymentIdBinding(false, null), await TakeAsync(payment, PaymentIdOperation.Settle));
        Assert.Equal(new PaymentIdBinding(false, null), await TakeAsync(payment, PaymentIdOperation.Settle));
        Assert.True((await TakeAsync(Payment(nonce: 2), PaymentIdOperation.Verify)).Conflict);
        Assert.True((await TakeAsync(payment with { Amount = 20_000 }, PaymentIdOperation.Verify)).Conflict);
        Assert.Equal(1L, await _database.ScalarAsync("""SELECT COUNT(*) FROM "PaymentIdentifiers" """));
    }

    [Fact]
    public async Task SaveAnswer_KeptPerOperationAndTheFirstStays()
    {
        var payment = Payment(nonce: 3);
        await TakeAsync(payment, PaymentIdOperation.Verify);

        await _ids.SaveAnswerAsync(CoreDatabase.MerchantId, Id, PaymentIdOperation.Settle, """{"success":true}""", CancellationToken.None);
        await _ids.SaveAnswerAsync(CoreDatabase.MerchantId, Id, PaymentIdOperation.Settle, """{"success":"other"}""", CancellationToken.None);

        Assert.Equal("""{"success":true}""", (await TakeAsync(payment, PaymentIdOperation.Settle)).StoredAnswer);
        Assert.Null((await TakeAsync(payment, PaymentIdOperation.Verify)).StoredAnswer);
    }

    private Task<PaymentIdBinding> TakeAsync(ParsedPayment payment, PaymentIdOperation operation) =>
        _ids.TakeAsync(CoreDatabase.MerchantId, Id, payment, operation, CancellationToken.None);

    private static ParsedPayment Payment(byte nonce)
    {
        var payer = EthAddress.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
        var payTo = EthAddress.Parse("0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65");
        var nonceBytes = new byte[32];
        nonceBytes[^1] = nonce;
        return new ParsedPayment
        {
            X402Version = 2, PayloadScheme = "exact", PayloadNetwork = "eip155:8453", Scheme = "exact", Network = "eip155:8453",
            Amount = 10_000, Asset = EthAddress.Parse("0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913"), PayTo = payTo,
            Resource = "https://api.example.com/weather",
            Authorization = new TransferAuthorization(payer, payTo, new BigInteger(10_000), 0, 1_900_000_000, nonceBytes),
            Signature = new byte[65], PaymentId = Id,
        };
    }

    public sealed class OnSqlite() : PaymentIdentifierStoreTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : PaymentIdentifierStoreTests(DatabaseProvider.Postgres);
}

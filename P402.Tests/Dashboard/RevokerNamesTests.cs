using Microsoft.EntityFrameworkCore;
using P402.Core.ApiKeys;
using P402.Core.Data;
using P402.Core.Merchants;
using P402.Core.Receipts;

namespace P402.Tests.Dashboard;

/// <summary>"Revoked by" as a person reads it: the user's email or the key's name, never a raw id.</summary>
public sealed class RevokerNamesTests : DashboardTestContext
{
    [Fact]
    public async Task Describe_UserAndKey_EmailAndKeyName()
    {
        var merchantId = await SignInNewMerchantAsync(MerchantRole.Owner);
        var user = new P402User { Id = Guid.NewGuid().ToString(), UserName = "ana@example.com", Email = "ana@example.com", MerchantId = merchantId };
        await using (var db = await Get<IDbContextFactory<P402DbContext>>().CreateDbContextAsync())
        {
            db.Users.Add(user);
            await db.SaveChangesAsync();
        }
        var key = await Get<ApiKeyService>().CreateAsync(merchantId, "CI runner", ApiKeyScopes.All, ApiKeyMode.Test, user.Id, CancellationToken.None);
        var receipt = await Seed.ReceiptAsync(merchantId);
        var revoked = await Get<ReceiptService>().RevokeAsync(merchantId, receipt.Id, ReceiptRevoker.User(user.Id), CancellationToken.None);
        var names = Get<RevokerNames>();

        Assert.Equal("ana@example.com", await names.DescribeAsync(merchantId, revoked!.RevokedBy, CancellationToken.None));
        Assert.Equal("API key “CI runner”", await names.DescribeAsync(merchantId, ReceiptRevoker.Key(key.Key.Id), CancellationToken.None));
        Assert.Equal("an API key", await names.DescribeAsync("mch_other", ReceiptRevoker.Key(key.Key.Id), CancellationToken.None));
        Assert.Null(await names.DescribeAsync(merchantId, null, CancellationToken.None));
    }
}

using Bunit;
using P402.Core.ApiKeys;
using P402.Core.Merchants;
using P402.Dashboard.Components.Pages.ApiKeys;

namespace P402.Tests.Dashboard;

public sealed class ApiKeysPageTests : DashboardTestContext
{
    [Fact]
    public async Task CreateKey_WithName_ShowsTheSecretOnceAndNeverAfterClosing()
    {
        var merchantId = await SignInNewMerchantAsync(MerchantRole.Owner);
        var host = RenderPage<ApiKeys>();
        host.WaitForElement("[data-testid=keys-empty]");

        host.Find("button[data-testid=create-key]").Click();
        host.WaitForElement("input[data-testid=key-name]").Change("Production server");
        host.Find("button[data-testid=create-key-submit]").Click();

        var secret = host.WaitForElement("[data-testid=new-key-secret]").TextContent.Trim();
        Assert.StartsWith("p402_live_", secret, StringComparison.Ordinal);
        Assert.NotNull(host.Find("[data-testid=secret-warning]"));
        var principal = await Get<ApiKeyService>().AuthenticateAsync(secret, CancellationToken.None);
        Assert.Equal(merchantId, principal?.MerchantId);

        host.Find("button[data-testid=secret-done]").Click();
        host.WaitForAssertion(() => Assert.Empty(host.FindAll("[data-testid=new-key-secret]")));
        var key = Assert.Single(await Get<ApiKeyService>().ListAsync(merchantId, CancellationToken.None));
        host.WaitForElement($"[data-testid=key-row-{key.Id}]");
        Assert.DoesNotContain(secret, host.Markup, StringComparison.Ordinal);

        // Opening the dialog again starts a new key: the old secret is gone for good.
        host.Find("button[data-testid=create-key]").Click();
        host.WaitForElement("input[data-testid=key-name]");
        Assert.DoesNotContain(secret, host.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateKey_WithoutName_ShowsValidationAndCreatesNothing()
    {
        var merchantId = await SignInNewMerchantAsync(MerchantRole.Developer);
        var host = RenderPage<ApiKeys>();
        host.WaitForElement("button[data-testid=create-key]").Click();
        host.WaitForElement("button[data-testid=create-key-submit]").Click();

        host.WaitForAssertion(() => Assert.Contains("Give the key a name.", host.Markup, StringComparison.Ordinal));
        Assert.Empty(host.FindAll("[data-testid=new-key-secret]"));
        Assert.Empty(await Get<ApiKeyService>().ListAsync(merchantId, CancellationToken.None));
    }

    [Fact]
    public async Task CreateDialog_Opened_ShowsNoErrorUntilThePersonActs()
    {
        await SignInNewMerchantAsync(MerchantRole.Owner);
        var host = RenderPage<ApiKeys>();
        host.WaitForElement("button[data-testid=create-key]").Click();
        host.WaitForElement("input[data-testid=key-name]");

        Assert.DoesNotContain("Give the key a name.", host.Markup, StringComparison.Ordinal);
        Assert.Empty(host.FindAll(".mud-input-error"));
        Assert.Contains("p402_test_", host.Find("[data-testid=key-mode-help]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateKey_NameOverTheLimit_IsRefusedWithTheRuleAndNeverCut()
    {
        var merchantId = await SignInNewMerchantAsync(MerchantRole.Owner);
        var host = RenderPage<ApiKeys>();
        host.WaitForElement("button[data-testid=create-key]").Click();
        var name = host.WaitForElement("input[data-testid=key-name]");
        // The browser must not cut the name to fit (MudBlazor's default maxlength is far above the rule).
        Assert.True(int.Parse(name.GetAttribute("maxlength") ?? "524288", System.Globalization.CultureInfo.InvariantCulture) > ApiKeyName.MaxLength);

        name.Change(new string('k', ApiKeyName.MaxLength + 1));
        host.Find("button[data-testid=create-key-submit]").Click();

        host.WaitForAssertion(() => Assert.Contains("The name is 101 characters long; a key name can have at most 100.", host.Markup, StringComparison.Ordinal));
        Assert.Empty(host.FindAll("[data-testid=new-key-secret]"));
        Assert.Empty(await Get<ApiKeyService>().ListAsync(merchantId, CancellationToken.None));
        var service = await Assert.ThrowsAsync<ArgumentException>(() =>
            Get<ApiKeyService>().CreateAsync(merchantId, new string('k', 101), ApiKeyScopes.All, ApiKeyMode.Live, "user-1", CancellationToken.None));
        Assert.StartsWith(ApiKeyName.Problem(new string('k', 101))!, service.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateKey_NameAtTheLimit_KeepsEveryCharacter()
    {
        var merchantId = await SignInNewMerchantAsync(MerchantRole.Owner);
        var host = RenderPage<ApiKeys>();
        host.WaitForElement("button[data-testid=create-key]").Click();
        var longName = string.Concat(Enumerable.Repeat("Production ", 10))[..ApiKeyName.MaxLength];
        host.WaitForElement("input[data-testid=key-name]").Change(longName);
        host.Find("button[data-testid=create-key-submit]").Click();

        host.WaitForElement("[data-testid=new-key-secret]");
        var key = Assert.Single(await Get<ApiKeyService>().ListAsync(merchantId, CancellationToken.None));
        Assert.Equal(longName.Trim(), key.Name);
    }

    [Fact]
    public async Task Revoke_Confirmed_RevokesTheKeyThroughTheService()
    {
        var merchantId = await SignInNewMerchantAsync(MerchantRole.Owner);
        var created = await Get<ApiKeyService>().CreateAsync(merchantId, "CI", ApiKeyScopes.All, ApiKeyMode.Test, "user-1", CancellationToken.None);
        var host = RenderPage<ApiKeys>();

        host.WaitForElement($"button[data-testid=revoke-key-{created.Key.Id}]").Click();
        Assert.Contains("cannot be undone", host.WaitForElement("[data-testid=confirm-message]").TextContent, StringComparison.Ordinal);
        Assert.True((await Get<ApiKeyService>().ListAsync(merchantId, CancellationToken.None))[0].IsActive);
        host.Find("button[data-testid=confirm-button]").Click();

        host.WaitForAssertion(() => Assert.Equal("Revoked", host.Find($"[data-testid=key-state-{created.Key.Id}]").TextContent.Trim()));
        Assert.False((await Get<ApiKeyService>().ListAsync(merchantId, CancellationToken.None))[0].IsActive);
        Assert.Null(await Get<ApiKeyService>().AuthenticateAsync(created.Secret, CancellationToken.None));
    }

    [Fact]
    public async Task Revoke_Cancelled_KeepsTheKeyActive()
    {
        var merchantId = await SignInNewMerchantAsync(MerchantRole.Owner);
        var created = await Get<ApiKeyService>().CreateAsync(merchantId, "CI", ApiKeyScopes.Read, ApiKeyMode.Live, "user-1", CancellationToken.None);
        var host = RenderPage<ApiKeys>();

        host.WaitForElement($"button[data-testid=revoke-key-{created.Key.Id}]").Click();
        host.WaitForElement("[data-testid=confirm-message]");
        host.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();

        host.WaitForAssertion(() => Assert.Empty(host.FindAll("[data-testid=confirm-message]")));
        Assert.True((await Get<ApiKeyService>().ListAsync(merchantId, CancellationToken.None))[0].IsActive);
    }

    [Fact]
    public async Task Viewer_SeesNoControls_AndTheServerRefusesARevokeAnyway()
    {
        var merchantId = await SignInNewMerchantAsync(MerchantRole.Viewer);
        var created = await Get<ApiKeyService>().CreateAsync(merchantId, "CI", ApiKeyScopes.All, ApiKeyMode.Live, "owner", CancellationToken.None);
        var host = RenderPage<ApiKeys>();
        host.WaitForElement($"[data-testid=key-row-{created.Key.Id}]");
        Assert.Empty(host.FindAll("[data-testid=create-key]"));
        Assert.Empty(host.FindAll($"[data-testid=revoke-key-{created.Key.Id}]"));

        // Call the page's handler as a tampered client could: the policy check stops it.
        var page = host.FindComponent<ApiKeys>();
        var revoke = page.InvokeAsync(() => page.Instance.RevokeAsync(created.Key));
        host.WaitForElement("button[data-testid=confirm-button]").Click();
        await revoke;

        Assert.True((await Get<ApiKeyService>().ListAsync(merchantId, CancellationToken.None))[0].IsActive);
        host.WaitForAssertion(() => Assert.Contains("Only owners and developers can revoke keys.", host.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task List_ShowsOnlyTheSignedInMerchantsKeys()
    {
        var other = await Get<MerchantService>().CreateAsync("Other", CancellationToken.None);
        var theirs = await Get<ApiKeyService>().CreateAsync(other.Id, "Theirs", ApiKeyScopes.All, ApiKeyMode.Live, "x", CancellationToken.None);
        var merchantId = await SignInNewMerchantAsync(MerchantRole.Owner);
        var mine = await Get<ApiKeyService>().CreateAsync(merchantId, "Mine", ApiKeyScopes.Read | ApiKeyScopes.Receipts, ApiKeyMode.Live, "u", CancellationToken.None);

        var host = RenderPage<ApiKeys>();

        host.WaitForElement($"[data-testid=key-row-{mine.Key.Id}]");
        Assert.Empty(host.FindAll($"[data-testid=key-row-{theirs.Key.Id}]"));
        Assert.Contains(mine.Key.DisplayPrefix, host.Find($"[data-testid=key-prefix-{mine.Key.Id}]").TextContent, StringComparison.Ordinal);
    }
}

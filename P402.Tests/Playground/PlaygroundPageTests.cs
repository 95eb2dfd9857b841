using Bunit;
using Microsoft.AspNetCore.Components;
using P402.Core.Merchants;
using P402.Dashboard.Components.Layout;
using P402.Dashboard.Demo;
using P402.Tests.Dashboard;
using PlaygroundPage = P402.Dashboard.Components.Pages.Playground.Playground;

namespace P402.Tests.Playground;

public sealed class PlaygroundPageTests : DashboardTestContext
{
    public PlaygroundPageTests() => Services.AddP402Playground();

    [Fact]
    public async Task Open_WithoutTheDevChain_IsNotFoundAndOffersNothingToPay()
    {
        await SignInNewMerchantAsync(MerchantRole.Owner);
        var notFound = false;
        Get<NavigationManager>().OnNotFound += (_, _) => notFound = true;

        var host = RenderPage<PlaygroundPage>();

        host.WaitForAssertion(() => Assert.True(notFound));
        Assert.NotNull(host.Find("[data-testid=playground-unavailable]"));
        Assert.Empty(host.FindAll("button[data-testid=pay]"));
    }

    [Fact]
    public async Task Navigation_WithoutTheDevChain_HasNoPlaygroundLink()
    {
        await SignInNewMerchantAsync(MerchantRole.Owner);

        var layout = Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "page"))));

        layout.WaitForAssertion(() => Assert.NotEmpty(layout.FindAll("a[href=settlements]")));
        Assert.Empty(layout.FindAll("a[href=playground]"));
    }
}

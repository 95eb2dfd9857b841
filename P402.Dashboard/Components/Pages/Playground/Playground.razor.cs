using Microsoft.AspNetCore.Components;
using MudBlazor;
using P402.Core.Common;
using P402.Core.Receipts;
using P402.Dashboard.Authorization;
using P402.Dashboard.Components.Pages.Playground.Components;
using P402.Dashboard.Components.Shared;
using P402.Dashboard.Demo;

namespace P402.Dashboard.Components.Pages.Playground;

/// <summary>
/// Development chain only: a demo payer pays the playground endpoint from the server, as an x402 client would, charged
/// as the signed-in merchant (so the payment shows in its Settlements, Receipts and Payment log), and each step lands
/// on a timeline; the receipt it gets can be reused and revoked. Anywhere else the page is not found.
/// </summary>
public sealed partial class Playground : IDisposable
{
    private readonly List<PlaygroundStep> steps = [];
    private bool available;
    private string? unavailable;
    private MerchantUser? user;
    private string merchantId = "";
    private IReadOnlyDictionary<int, long>? balances;
    private int payerIndex = 1;
    private string city = PlaygroundService.DefaultCity;
    private Uri? paidResource;
    private string? txHash;
    private ReceiptView? receipt;
    private bool busy;
    private IDisposable? subscription;

    [Inject] private PlaygroundService Service { get; set; } = default!;
    [Inject] private CurrentMerchant Current { get; set; } = default!;
    [Inject] private MerchantEvents Events { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private RevokerNames Revokers { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        if (!Service.IsDevChain)
        {
            Navigation.NotFound();
            return;
        }
        available = true;
        user = await Current.GetRequiredAsync();
        unavailable = Service.DemoUnavailableReason;
        merchantId = user.MerchantId;
        subscription = Events.Subscribe(merchantId, OnMerchantEventAsync);
        await RunAsync(LoadBalancesAsync);
    }

    private Task PayAsync() => RunAsync(async () =>
    {
        var payer = PlaygroundService.Payers.First(p => p.Index == payerIndex);
        var resource = Service.WeatherUrl(string.IsNullOrWhiteSpace(city) ? PlaygroundService.DefaultCity : city);
        var payment = await Service.PayAsync(merchantId, payer, resource, CancellationToken.None);
        var settlement = payment.Settlement is { Success: true } settled
            ? await Service.FindSettlementAsync(merchantId, settled.Transaction, CancellationToken.None)
            : null;
        var issued = payment.ReceiptId is { } id
            ? await Service.GetReceiptAsync(merchantId, id, CancellationToken.None)
            : null;
        steps.AddRange(PlaygroundSteps.ForPayment(payment, settlement, issued, Time.GetUtcNow()));
        if (payment.ReceiptId is not null)
        {
            (paidResource, txHash, receipt) = (resource, payment.Settlement?.Transaction, issued);
        }
        await LoadBalancesAsync();
    });

    private Task ReuseAsync() => RunAsync(async () =>
    {
        var reuse = await Service.ReuseAsync(merchantId, paidResource!, receipt!.Id, CancellationToken.None);
        receipt = await Service.GetReceiptAsync(merchantId, receipt.Id, CancellationToken.None) ?? receipt;
        steps.Add(PlaygroundSteps.ForReuse(reuse, receipt, Time.GetUtcNow()));
    });

    /// <summary>Revokes after a confirmation; the policy is checked here, on the server, whatever the UI showed.</summary>
    private async Task RevokeAsync()
    {
        var held = receipt!;
        var confirmed = await Dialogs.ConfirmAsync("Revoke receipt",
            $"Revoke {held.Id}? The next request that presents it is refused, and the payer has to pay again.", "Revoke receipt");
        if (!confirmed)
        {
            return;
        }
        if (!await Current.AuthorizeAsync(P402Policies.CanRevokeReceipts))
        {
            Snackbar.Add("Only owners and developers can revoke receipts.", Severity.Error);
            return;
        }
        await RunAsync(async () =>
        {
            receipt = await Service.RevokeAsync(merchantId, held.Id, user!.Actor, CancellationToken.None) ?? held;
            var revokedBy = await Revokers.DescribeAsync(merchantId, receipt.RevokedBy, CancellationToken.None);
            steps.Add(PlaygroundSteps.ForRevoke(receipt, revokedBy, Time.GetUtcNow()));
        });
    }

    private void Clear()
    {
        steps.Clear();
        (paidResource, txHash, receipt) = (null, null, null);
    }

    private async Task LoadBalancesAsync() => balances = await Service.BalancesAsync(CancellationToken.None);

    /// <summary>Runs one action with the buttons disabled; a failure becomes a timeline step instead of a broken circuit.</summary>
    private async Task RunAsync(Func<Task> action)
    {
        busy = true;
        try
        {
            await action();
        }
#pragma warning disable CA1031 // The page shows the failure as a step; the next action may work.
        catch (Exception e)
#pragma warning restore CA1031
        {
            steps.Add(PlaygroundSteps.Failed(Describe(e), Time.GetUtcNow()));
        }
        finally
        {
            busy = false;
        }
    }

    // Live: a reuse or revocation of the held receipt from anywhere (the API, the Receipts page) shows at once.
    private Task OnMerchantEventAsync(MerchantEvent change) =>
        receipt is { } held && change.EntityId == held.Id
            && change.Kind is MerchantEventKind.ReceiptReused or MerchantEventKind.ReceiptRevoked
            ? InvokeAsync(async () =>
            {
                receipt = await Service.GetReceiptAsync(merchantId, held.Id, CancellationToken.None) ?? receipt;
                StateHasChanged();
            })
            : Task.CompletedTask;

    private static string Describe(Exception e) => e switch
    {
        HttpRequestException => "The demo endpoint could not be reached: " + e.Message,
        TaskCanceledException => "The demo endpoint did not answer in time.",
        _ => "Something went wrong: " + e.Message,
    };

    public void Dispose() => subscription?.Dispose();
}

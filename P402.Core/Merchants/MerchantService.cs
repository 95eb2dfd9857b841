using Microsoft.EntityFrameworkCore;
using P402.Core.Common;
using P402.Core.Data;

namespace P402.Core.Merchants;

/// <summary>
/// Merchants and their settings. Verify, settle and receipt issuance read the settings on every
/// request, so they are remembered for a few seconds: a change is in force at once on the instance
/// that saved it, on the others as soon as its <see cref="MerchantEventKind.SettingsChanged"/> event arrives,
/// and at the latest after <see cref="ShortLivedCache{TValue}.Lifetime"/>.
/// </summary>
public sealed class MerchantService(IDbContextFactory<P402DbContext> contexts, TimeProvider time, MerchantEvents events)
{
    private readonly ShortLivedCache<MerchantSettings> _settings = ForgottenOnChange(new(time), events);

    public async Task<Merchant> CreateAsync(string name, CancellationToken cancellationToken)
    {
        var merchant = NewMerchant(name);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Merchants.Add(merchant);
        await db.SaveChangesAsync(cancellationToken);
        return merchant;
    }

    /// <summary>A merchant not yet saved, for callers that save it with other rows (registration).</summary>
    public Merchant NewMerchant(string name)
    {
        name = name.Trim();
        if (name.Length is 0 or > 200)
        {
            throw new ArgumentException("A merchant needs a name of 1 to 200 characters.", nameof(name));
        }
        return new Merchant { Id = Ids.New(Merchant.IdPrefix, time), Name = name, CreatedAt = time.GetUtcNow().UtcDateTime };
    }

    public async Task<Merchant?> FindAsync(string merchantId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Merchants.AsNoTracking().SingleOrDefaultAsync(m => m.Id == merchantId, cancellationToken);
    }

    public async Task<MerchantSettings> GetSettingsAsync(string merchantId, CancellationToken cancellationToken)
    {
        if (_settings.TryGet(merchantId, out var cached))
        {
            return cached!.Copy(); // a copy: the settings are mutable and the cached one is shared
        }
        var settings = (await FindAsync(merchantId, cancellationToken))?.Settings ?? new MerchantSettings();
        _settings.Remember(merchantId, settings.Copy());
        return settings;
    }

    /// <summary>Saves valid settings (in force from the next verify) or returns the broken rules.</summary>
    public async Task<IReadOnlyDictionary<string, string>> UpdateSettingsAsync(string merchantId, MerchantSettings settings, CancellationToken cancellationToken)
    {
        var errors = SettingsValidation.Validate(settings);
        if (errors.Count > 0)
        {
            return errors;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var merchant = await db.Merchants.SingleAsync(m => m.Id == merchantId, cancellationToken);
        merchant.Settings = new MerchantSettings
        {
            GasPriceLimitWei = settings.GasPriceLimitWei,
            MaxGasPerSettlement = settings.MaxGasPerSettlement,
            DefaultReceiptTtlSeconds = settings.DefaultReceiptTtlSeconds,
            MaxReceiptTtlSeconds = settings.MaxReceiptTtlSeconds,
        };
        await db.SaveChangesAsync(cancellationToken);
        _settings.Forget(merchantId);
        events.Publish(new MerchantEvent(merchantId, MerchantEventKind.SettingsChanged, merchantId));
        return errors;
    }

    private static ShortLivedCache<MerchantSettings> ForgottenOnChange(ShortLivedCache<MerchantSettings> settings, MerchantEvents events)
    {
        events.SubscribeAll(change =>
        {
            if (change is null)
            {
                settings.Clear();
            }
            else if (change.Kind == MerchantEventKind.SettingsChanged)
            {
                settings.Forget(change.MerchantId);
            }
        });
        return settings;
    }
}

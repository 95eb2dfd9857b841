import { P402AmountExceededError, P402InvalidRequirementsError } from './errors.js';
import { chainIdOf } from './networks.js';
import type { DecodedPaymentRequired } from './paymentRequired.js';
import type { PaymentOffer } from './offer.js';

/** The caller's limits for choosing among the offers of a 402 answer. */
export interface OfferFilter {
  /** Most the caller will pay, in atomic units. */
  maxAmount: bigint;
  /** Networks allowed (CAIP-2 `eip155:8453` or v1 names `base`); all EVM networks when absent. */
  networks?: readonly string[] | undefined;
  /** Token contracts allowed (compared case-insensitively); any when absent. */
  assets?: readonly string[] | undefined;
}

function matchesNetwork(offer: PaymentOffer, networks: readonly string[] | undefined): boolean {
  if (networks === undefined) {
    return true;
  }
  return networks.some((network) => network === offer.network || chainIdOf(network) === offer.chainId);
}

function matchesAsset(offer: PaymentOffer, assets: readonly string[] | undefined): boolean {
  if (assets === undefined) {
    return true;
  }
  const asset = offer.asset.toLowerCase();
  return assets.some((allowed) => allowed.toLowerCase() === asset);
}

/**
 * Picks the first offer (in the server's order) that passes the network/asset filters and costs at most
 * `maxAmount`. Throws `P402InvalidRequirementsError` when nothing is payable, and
 * `P402AmountExceededError` (naming the cheapest price) when everything payable costs too much.
 */
export function selectOffer(required: DecodedPaymentRequired, filter: OfferFilter, resource: string): PaymentOffer {
  const candidates = required.offers.filter(
    (offer) => matchesNetwork(offer, filter.networks) && matchesAsset(offer, filter.assets),
  );
  if (candidates.length === 0) {
    const details = [...required.skipped];
    if (required.offers.length > 0) {
      details.push(`${required.offers.length} payable requirement(s) excluded by the networks/assets options`);
    }
    throw new P402InvalidRequirementsError(
      `No payment requirement for ${resource} can be paid: ${details.join('; ')}.`,
    );
  }
  const affordable = candidates.find((offer) => offer.amount <= filter.maxAmount);
  if (affordable !== undefined) {
    return affordable;
  }
  const cheapest = candidates.reduce((best, offer) => (offer.amount < best.amount ? offer : best));
  throw new P402AmountExceededError({
    amount: cheapest.amount,
    maxAmount: filter.maxAmount,
    network: cheapest.network,
    asset: cheapest.asset,
    resource,
  });
}

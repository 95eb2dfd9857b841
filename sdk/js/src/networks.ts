/** v1 network names that map to an EVM chain this SDK can sign for. */
const V1_NETWORKS: Readonly<Record<string, number>> = {
  base: 8453,
  'base-sepolia': 84532,
};

const CAIP2_EIP155 = /^eip155:([1-9][0-9]{0,15})$/;

/**
 * The EVM chain id of an x402 network name, or `undefined` when it is not an EVM network we know:
 * CAIP-2 `eip155:<chainId>` (v2; also accepted in v1), or a v1 name (`base` → 8453, `base-sepolia` → 84532).
 */
export function chainIdOf(network: string): number | undefined {
  const caip = CAIP2_EIP155.exec(network);
  if (caip?.[1] !== undefined) {
    const id = Number(caip[1]);
    return Number.isSafeInteger(id) ? id : undefined;
  }
  return Object.hasOwn(V1_NETWORKS, network) ? V1_NETWORKS[network] : undefined;
}

import type { Address, Hex } from 'viem';

/** Constants from DESIGN.md ("The chain" and the EIP-712 known answer). */
export const PAYER_KEY: Hex = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
export const PAYER_ADDRESS: Address = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
export const MERCHANT_ADDRESS: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
export const BASE_USDC: Address = '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913';
export const BASE_SEPOLIA_USDC: Address = '0x036CbD53842c5426634e7929541eC2318f3dCF7e';

/** The EIP-712 domain of USDC on Base mainnet. */
export const BASE_USDC_DOMAIN = {
  name: 'USD Coin',
  version: '2',
  chainId: 8453,
  verifyingContract: BASE_USDC,
} as const;

export const KNOWN_ANSWER = {
  domainSeparator: '0x02fa7265e7c5d81118673727957699e4d68f74cd74b7db77da710fe8a2c7834f',
  structHash: '0x26c13dd90e22a5c4e48a7473300d0b6b73e11f5f59586b70ae63f9051caff6e7',
  digest: '0x9ec527fd101c51abac28dd7a60ae2408a450792bb8fc1f3bbe6bdde735f7f67d',
  r: '0x6e725dfdfd650e8bcc1e4d6a9bc8f356bd22539a082524440a510b34feeddc11',
  s: '0x4b696490355cde865fc04df462ea8d5ad5e6edf18a89a8c4fe2ec809c885eb0e',
  v: 27,
  value: 10000n,
  validAfter: 0n,
  validBefore: 1900000000n,
  nonce: `0x${'11'.repeat(32)}` as Hex,
} as const;

// A viem smart account over P402's dev-chain smart wallet: Solady's ERC-4337 account (DevSmartAccount behind an
// ERC-1967 proxy) from Solady's ERC4337Factory, whose createAccount takes one bytes32 salt with the owner in its
// upper 160 bits (viem's toSoladySmartAccount targets an older factory that took (owner, salt)). Built with viem's
// own account-abstraction helpers: toSmartAccount wraps signatures in ERC-6492 while the account is not deployed,
// and erc7739's signTypedData signs the nested TypedDataSign that Solady's isValidSignature checks.
import { encodeFunctionData, parseAbi } from 'viem';
import { entryPoint07Abi, entryPoint07Address, toSmartAccount } from 'viem/account-abstraction';
import { signTypedData as signNestedTypedData } from 'viem/experimental/erc7739';

const factoryAbi = parseAbi([
  'function createAccount(bytes32 ownSalt) payable returns (address)',
  'function getAddress(bytes32 ownSalt) view returns (address)',
]);

/** @param {{ client: import('viem').Client, owner: import('viem').LocalAccount, factory: `0x${string}`, salt: `0x${string}` }} options */
export async function toDevSmartAccount({ client, owner, factory, salt }) {
  const address = await client.readContract({ address: factory, abi: factoryAbi, functionName: 'getAddress', args: [salt] });
  const factoryData = encodeFunctionData({ abi: factoryAbi, functionName: 'createAccount', args: [salt] });
  return toSmartAccount({
    client,
    entryPoint: { abi: entryPoint07Abi, address: entryPoint07Address, version: '0.7' },
    async getAddress() {
      return address;
    },
    async getFactoryArgs() {
      return { factory, factoryData };
    },
    async encodeCalls() {
      throw new Error('this account only signs payments');
    },
    async decodeCalls() {
      throw new Error('this account only signs payments');
    },
    async getStubSignature() {
      return '0x';
    },
    async signMessage() {
      throw new Error('this account only signs typed data');
    },
    async signUserOperation() {
      throw new Error('this account only signs typed data');
    },
    async signTypedData(parameters) {
      return signNestedTypedData(client, { ...parameters, account: owner, verifier: address, factory, factoryData });
    },
  });
}

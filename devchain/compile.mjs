// Compiles the dev chain's contracts with the bundled solc-js (offline) into build/:
// - DevUsdc.json = { contract, compiler, sourceHash, abi, runtimeBytecode }: what the dev chain places
//   at the Base USDC address with anvil_setCode;
// - SmartWallets.json = { compiler, sourceHash, contracts: { Name: { abi, bytecode } } }: creation code of
//   the smart-wallet contracts (Solady's ERC-4337 account and factory from npm `solady`, the test-only
//   refusing wallets) and Multicall3's creation code as npm `viem` ships it;
// and writes the creation code of Erc6492Verifier (the deployless ERC-6492 check P402 runs on every
// network) to P402.Core/Chain/SmartWallets/Erc6492Verifier.hex, which is committed.
// `node compile.mjs --check` exits 0 when everything is up to date, 1 when a compile is due.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import solc from 'solc';

const root = dirname(fileURLToPath(import.meta.url));
const build = join(root, 'build');
const verifierHex = join(root, '..', 'P402.Core', 'Chain', 'SmartWallets', 'Erc6492Verifier.hex');
const sources = {
  'DevUsdc.sol': 'contracts/DevUsdc.sol',
  'DevSmartAccount.sol': 'contracts/DevSmartAccount.sol',
  'Erc6492Verifier.sol': 'contracts/Erc6492Verifier.sol',
  'testing/RefusingWallets.sol': 'contracts/testing/RefusingWallets.sol',
  'solady/accounts/ERC4337Factory.sol': 'node_modules/solady/src/accounts/ERC4337Factory.sol',
};
const read = (path) => readFileSync(join(root, path), 'utf8');
const hashOf = (...texts) => createHash('sha256').update(texts.join('\0')).digest('hex');
const tokenHash = hashOf(read(sources['DevUsdc.sol']));
const walletsHash = hashOf(...Object.values(sources).map(read), read('package-lock.json'), read('compile.mjs'));

const upToDate = (path, hash) => existsSync(path) && JSON.parse(readFileSync(path, 'utf8')).sourceHash === hash;
if (process.argv.includes('--check')) {
  const fresh = upToDate(join(build, 'DevUsdc.json'), tokenHash) && upToDate(join(build, 'SmartWallets.json'), walletsHash)
    && existsSync(verifierHex);
  process.exit(fresh ? 0 : 1);
}

// Imports resolve like a remapping `solady/=node_modules/solady/src/`.
function findImports(path) {
  const file = path.startsWith('solady/') ? join(root, 'node_modules', 'solady', 'src', path.slice('solady/'.length)) : join(root, 'contracts', path);
  return existsSync(file) ? { contents: readFileSync(file, 'utf8') } : { error: `not found: ${path}` };
}

const input = {
  language: 'Solidity',
  sources: Object.fromEntries(Object.entries(sources).map(([name, path]) => [name, { content: read(path) }])),
  settings: {
    optimizer: { enabled: true, runs: 10000 },
    // Base runs Cancun-level EVM; stay there rather than on solc's newest default.
    evmVersion: 'cancun',
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
  },
};

const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
const problems = output.errors ?? [];
// Warnings inside the npm packages' sources are theirs to fix; ours and every error are shown.
const ours = (p) => p.severity === 'error' || !p.sourceLocation?.file?.startsWith('solady/');
for (const problem of problems.filter(ours)) {
  console.error(problem.formattedMessage ?? problem.message);
}
if (problems.some((p) => p.severity === 'error')) {
  process.exit(1);
}
const contract = (file, name) => output.contracts[file][name];
const creation = (file, name) => '0x' + contract(file, name).evm.bytecode.object;
mkdirSync(build, { recursive: true });

const token = contract('DevUsdc.sol', 'DevUsdc');
const tokenArtifact = {
  contract: 'DevUsdc',
  compiler: solc.version(),
  sourceHash: tokenHash,
  abi: token.abi,
  runtimeBytecode: '0x' + token.evm.deployedBytecode.object,
};
writeFileSync(join(build, 'DevUsdc.json'), JSON.stringify(tokenArtifact, null, 2) + '\n');
console.log(`DevUsdc: ${(tokenArtifact.runtimeBytecode.length - 2) / 2} bytes of runtime code`);

// Multicall3's canonical creation code (the one deployed at 0xcA11bde05977b3631167028862bE2a173976CA11).
const viemContracts = read('node_modules/viem/_esm/constants/contracts.js');
const multicall3 = /export const multicall3Bytecode = '(0x[0-9a-f]+)'/.exec(viemContracts)?.[1];
if (!multicall3) {
  console.error('viem no longer ships multicall3Bytecode in constants/contracts.js');
  process.exit(1);
}
const wallets = {
  compiler: solc.version(),
  sourceHash: walletsHash,
  contracts: {
    DevSmartAccount: { abi: contract('DevSmartAccount.sol', 'DevSmartAccount').abi, bytecode: creation('DevSmartAccount.sol', 'DevSmartAccount') },
    ERC4337Factory: { abi: contract('solady/accounts/ERC4337Factory.sol', 'ERC4337Factory').abi, bytecode: creation('solady/accounts/ERC4337Factory.sol', 'ERC4337Factory') },
    RevertingWallet: { abi: contract('testing/RefusingWallets.sol', 'RevertingWallet').abi, bytecode: creation('testing/RefusingWallets.sol', 'RevertingWallet') },
    WrongMagicWallet: { abi: contract('testing/RefusingWallets.sol', 'WrongMagicWallet').abi, bytecode: creation('testing/RefusingWallets.sol', 'WrongMagicWallet') },
    Erc6492Verifier: { abi: contract('Erc6492Verifier.sol', 'Erc6492Verifier').abi, bytecode: creation('Erc6492Verifier.sol', 'Erc6492Verifier') },
    Multicall3: { abi: [], bytecode: multicall3 },
  },
};
writeFileSync(join(build, 'SmartWallets.json'), JSON.stringify(wallets, null, 2) + '\n');
mkdirSync(dirname(verifierHex), { recursive: true });
writeFileSync(verifierHex, wallets.contracts.Erc6492Verifier.bytecode + '\n');
console.log(`SmartWallets: ${Object.keys(wallets.contracts).join(', ')}; Erc6492Verifier -> ${verifierHex}`);

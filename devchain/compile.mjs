// Compiles contracts/DevUsdc.sol with the bundled solc-js (offline) and writes
// build/DevUsdc.json = { contract, compiler, sourceHash, abi, runtimeBytecode }.
// The runtime bytecode is what the dev chain places at the Base USDC address with anvil_setCode.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import solc from 'solc';

const root = dirname(fileURLToPath(import.meta.url));
const sourcePath = join(root, 'contracts', 'DevUsdc.sol');
const outputPath = join(root, 'build', 'DevUsdc.json');
const source = readFileSync(sourcePath, 'utf8');

const input = {
  language: 'Solidity',
  sources: { 'DevUsdc.sol': { content: source } },
  settings: {
    optimizer: { enabled: true, runs: 10000 },
    // Base runs Cancun-level EVM; stay there rather than on solc's newest default.
    evmVersion: 'cancun',
    outputSelection: { 'DevUsdc.sol': { DevUsdc: ['abi', 'evm.deployedBytecode.object'] } },
  },
};

const output = JSON.parse(solc.compile(JSON.stringify(input)));
const problems = output.errors ?? [];
for (const problem of problems) {
  console.error(problem.formattedMessage ?? problem.message);
}
if (problems.some((p) => p.severity === 'error')) {
  process.exit(1);
}

const contract = output.contracts['DevUsdc.sol'].DevUsdc;
const artifact = {
  contract: 'DevUsdc',
  compiler: solc.version(),
  sourceHash: createHash('sha256').update(source).digest('hex'),
  abi: contract.abi,
  runtimeBytecode: '0x' + contract.evm.deployedBytecode.object,
};

mkdirSync(dirname(outputPath), { recursive: true });
writeFileSync(outputPath, JSON.stringify(artifact, null, 2) + '\n');
console.log(`DevUsdc: ${(artifact.runtimeBytecode.length - 2) / 2} bytes of runtime code -> ${outputPath}`);

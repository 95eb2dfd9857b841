// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {ERC4337} from "solady/accounts/ERC4337.sol";

/// @title DevSmartAccount: Solady's ERC-4337 smart account, as a wallet deploys it.
/// @notice Solady's `ERC4337` (npm `solady`) is complete but leaves its EIP-712 name and version to
/// the deployer; this names them and changes nothing else. Its `isValidSignature` is Solady's
/// ERC-1271 with ERC-7739 nested typed data (what viem's `toSoladySmartAccount` signs), and its
/// accounts are ERC-1967 proxies created through Solady's `ERC4337Factory`, which anyone may call.
contract DevSmartAccount is ERC4337 {
    function _domainNameAndVersion() internal pure override returns (string memory, string memory) {
        return ("P402DevSmartAccount", "1");
    }
}

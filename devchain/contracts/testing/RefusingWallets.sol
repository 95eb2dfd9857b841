// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice Test-only contract wallets whose EIP-1271 check never passes: the facilitator must answer
/// INVALID_SIGNATURE for them and send nothing.

/// @dev isValidSignature reverts.
contract RevertingWallet {
    function isValidSignature(bytes32, bytes calldata) external pure returns (bytes4) {
        revert("RevertingWallet: no");
    }
}

/// @dev isValidSignature answers a value other than EIP-1271's magic 0x1626ba7e.
contract WrongMagicWallet {
    function isValidSignature(bytes32, bytes calldata) external pure returns (bytes4) {
        return 0xdeadbeef;
    }
}

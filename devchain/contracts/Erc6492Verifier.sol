// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @title Erc6492Verifier: ERC-6492's off-chain check, run as a deployless eth_call.
/// @notice Never deployed: its creation code with (signer, hash, signature) appended is the data of
/// an `eth_call` without `to`. The constructor deploys a counterfactual signer through the factory
/// named in the ERC-6492 wrapper, asks the signer's EIP-1271 `isValidSignature`, and returns one
/// 32-byte status word instead of code. Nothing persists: it is a call.
contract Erc6492Verifier {
    bytes32 private constant ERC6492_SUFFIX = 0x6492649264926492649264926492649264926492649264926492649264926492;
    bytes4 private constant ERC1271_MAGIC_VALUE = 0x1626ba7e;

    uint256 private constant INVALID = 0; // isValidSignature answered something else than the magic value
    uint256 private constant VALID = 1;
    uint256 private constant REVERTED = 2; // isValidSignature reverted
    uint256 private constant DEPLOY_FAILED = 3; // the factory call reverted
    uint256 private constant NO_CODE = 4; // no contract at the signer, even after the factory call
    uint256 private constant NOT_WRAPPED = 5; // the signature has no ERC-6492 suffix

    constructor(address signer, bytes32 hash, bytes memory signature) {
        uint256 status = _check(signer, hash, signature);
        assembly {
            mstore(0, status)
            return(0, 32)
        }
    }

    function _check(address signer, bytes32 hash, bytes memory signature) private returns (uint256) {
        if (signature.length < 32 || _suffix(signature) != ERC6492_SUFFIX) {
            return NOT_WRAPPED;
        }
        bytes memory wrapped = new bytes(signature.length - 32);
        for (uint256 i = 0; i < wrapped.length; i++) {
            wrapped[i] = signature[i];
        }
        (address factory, bytes memory factoryCalldata, bytes memory inner) = abi.decode(wrapped, (address, bytes, bytes));
        if (signer.code.length == 0) {
            (bool deployed,) = factory.call(factoryCalldata);
            if (!deployed) {
                return DEPLOY_FAILED;
            }
            if (signer.code.length == 0) {
                return NO_CODE;
            }
        }
        (bool success, bytes memory answer) =
            signer.staticcall(abi.encodeWithSelector(ERC1271_MAGIC_VALUE, hash, inner));
        if (!success) {
            return REVERTED;
        }
        return answer.length >= 32 && abi.decode(answer, (bytes32)) == bytes32(ERC1271_MAGIC_VALUE) ? VALID : INVALID;
    }

    function _suffix(bytes memory signature) private pure returns (bytes32 suffix) {
        assembly {
            suffix := mload(add(signature, mload(signature)))
        }
    }
}

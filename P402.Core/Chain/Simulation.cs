namespace P402.Core.Chain;

/// <summary>How a verify simulates the transfer: the cheap way for <c>/verify</c>, the way that also gives the gas for a settlement.</summary>
public enum Simulation
{
    /// <summary><c>eth_call</c>: one EVM run, no gas figure.</summary>
    Call,

    /// <summary><c>eth_estimateGas</c>: the node's search for the gas, which the settlement's transaction then uses.</summary>
    EstimateGas,
}

using Microsoft.Extensions.Options;

namespace P402.Core.Chain.Signers;

/// <summary>Refuses <see cref="ChainOptions"/> whose signer keys are malformed, naming each setting (never its value).</summary>
internal sealed class SignerKeyValidation : IValidateOptions<ChainOptions>
{
    public ValidateOptionsResult Validate(string? name, ChainOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = SignerKeySettings.Problems(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

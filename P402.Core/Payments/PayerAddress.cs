namespace P402.Core.Payments;

/// <summary>The rule for a payer address typed into a filter (dashboard and API alike): a whole EVM address.</summary>
public static class PayerAddress
{
    /// <summary>Why <paramref name="payer"/> cannot be a payer filter, or null when it can (or is empty: no filter).</summary>
    public static string? Problem(string? payer)
    {
        var text = payer?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        return text.Length == 42 && text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && text[2..].All(char.IsAsciiHexDigit)
            ? null
            : "A payer is a whole address: 0x followed by 40 hexadecimal digits (copy it with the copy button next to it).";
    }
}

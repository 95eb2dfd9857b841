namespace P402.Tests.Facilitator;

/// <summary>Malformed /verify and /settle requests: whole bodies, and one field of a good payment bent (null removes it).</summary>
public static class MalformedBodies
{
    private const string AboveUint256 = "115792089237316195423570985008687907853269984665640564039457584007913129639936"; // 2^256

    public static TheoryData<string, string> Raw()
    {
        var data = new TheoryData<string, string>();
        foreach (var path in new[] { "/verify", "/settle" })
        {
            data.Add(path, "");
            data.Add(path, "not json");
            data.Add(path, "{\"x402Version\":2,");
            data.Add(path, "[]");
            data.Add(path, "null");
            data.Add(path, "42");
            data.Add(path, "{}");
        }
        return data;
    }

    public static TheoryData<string, int, string, string?> Bends()
    {
        var data = new TheoryData<string, int, string, string?>();
        foreach (var path in new[] { "/verify", "/settle" })
        {
            // Missing fields (null removes the field).
            data.Add(path, 2, "paymentPayload", null);
            data.Add(path, 2, "paymentRequirements", null);
            data.Add(path, 2, "paymentPayload.payload", null);
            data.Add(path, 2, "paymentPayload.payload.signature", null);
            data.Add(path, 2, "paymentPayload.payload.authorization", null);
            data.Add(path, 2, "paymentPayload.payload.authorization.nonce", null);
            data.Add(path, 2, "paymentPayload.payload.authorization.from", null);
            data.Add(path, 2, "paymentPayload.accepted", null);
            data.Add(path, 2, "paymentRequirements.amount", null);
            data.Add(path, 2, "paymentRequirements.payTo", null);
            data.Add(path, 1, "paymentRequirements.maxAmountRequired", null);
            data.Add(path, 1, "paymentPayload.network", null);
            // Wrong types.
            data.Add(path, 2, "x402Version", "\"2\"");
            data.Add(path, 2, "paymentPayload.x402Version", "\"2\"");
            data.Add(path, 2, "paymentPayload.payload.authorization.value", "10000");
            data.Add(path, 1, "paymentRequirements.maxAmountRequired", "10000");
            data.Add(path, 2, "paymentRequirements.maxTimeoutSeconds", "\"60\"");
            data.Add(path, 2, "paymentPayload.payload", "\"0x00\"");
            data.Add(path, 2, "paymentRequirements", "[]");
            // Hex and numbers out of shape.
            data.Add(path, 2, "paymentPayload.payload.authorization.nonce", "\"0x" + new string('1', 62) + "\"");
            data.Add(path, 2, "paymentPayload.payload.authorization.nonce", "\"" + new string('1', 64) + "\"");
            data.Add(path, 2, "paymentPayload.payload.signature", "\"0x" + new string('2', 129) + "\""); // not whole bytes
            data.Add(path, 2, "paymentPayload.payload.signature", "\"" + new string('2', 130) + "\""); // no 0x
            data.Add(path, 2, "paymentPayload.payload.signature", "\"0xzz" + new string('2', 128) + "\"");
            data.Add(path, 2, "paymentPayload.payload.authorization.from", "\"0x1234\"");
            data.Add(path, 2, "paymentRequirements.asset", "\"USDC\"");
            data.Add(path, 2, "paymentPayload.payload.authorization.value", "\"" + AboveUint256 + "\"");
            data.Add(path, 2, "paymentRequirements.amount", "\"" + AboveUint256 + "\"");
            data.Add(path, 2, "paymentPayload.payload.authorization.validBefore", "\"" + AboveUint256 + "\"");
            data.Add(path, 2, "paymentPayload.payload.authorization.value", "\"-1\"");
            data.Add(path, 2, "paymentPayload.payload.authorization.value", "\"1e6\"");
            data.Add(path, 2, "paymentPayload.payload.authorization.value", "\"0x10\"");
            data.Add(path, 2, "paymentPayload.payload.authorization.value", "\"\"");
            // Versions.
            data.Add(path, 2, "x402Version", "3");
            data.Add(path, 2, "paymentPayload.x402Version", "3");
            data.Add(path, 1, "x402Version", "2");
        }
        return data;
    }
}

using System.Text.Json.Nodes;

namespace P402.Tests.Infrastructure;

/// <summary>x402 payment-identifier ids and the extension object a client echoes with one.</summary>
public static class PaymentIds
{
    public static string New() => $"pay_{Guid.NewGuid():N}";

    public static JsonObject Extension(string id) => new()
    {
        ["payment-identifier"] = new JsonObject
        {
            ["info"] = new JsonObject { ["required"] = false, ["id"] = id },
            ["schema"] = new JsonObject
            {
                ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["required"] = new JsonObject { ["type"] = "boolean" },
                    ["id"] = new JsonObject { ["type"] = "string", ["minLength"] = 16, ["maxLength"] = 128 },
                },
                ["required"] = new JsonArray("required"),
            },
        },
    };
}

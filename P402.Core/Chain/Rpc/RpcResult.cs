using System.Text.Json;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NethereumRpcError = Nethereum.JsonRpc.Client.RpcMessages.RpcError;

namespace P402.Core.Chain.Rpc;

/// <summary>What Nethereum's client read (Newtonsoft tokens) as the <see cref="JsonElement"/>s P402's readers take.</summary>
internal static class RpcResult
{
    /// <summary>Nethereum's reader settings, with strings left as strings (no dates) and numbers exact.</summary>
    public static readonly JsonSerializerSettings Settings = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        MissingMemberHandling = MissingMemberHandling.Ignore,
        DateParseHandling = DateParseHandling.None,
        FloatParseHandling = FloatParseHandling.Decimal,
    };

    private static readonly JsonElement Null = JsonElement.Parse("null");

    /// <summary>A detached element; JSON null when the node's result was null.</summary>
    public static JsonElement ToElement(object? result) => result switch
    {
        null => Null,
        JsonElement element => element,
        JToken token => JsonElement.Parse(token.ToString(Formatting.None)),
        _ => JsonElement.Parse(JsonConvert.SerializeObject(result, Settings)),
    };

    public static JsonRpcException ToException(string method, NethereumRpcError error) =>
        new(method, error.Code, error.Message ?? "", error.Data is null or JValue { Type: JTokenType.Null } ? null : ToElement(error.Data));
}

using Microsoft.AspNetCore.Http;

namespace P402.Merchant;

/// <summary>The status a handler's return value will be written with, before it is written.</summary>
internal static class HandlerOutcome
{
    public static int StatusCode(object? result, HttpContext http)
    {
        // Results<T1, T2> unions wrap the result that will actually run.
        while (result is INestedHttpResult nested)
        {
            result = nested.Result;
        }
        // A plain object or string is written as 200 unless the handler set another status.
        return result is IStatusCodeHttpResult { StatusCode: { } status } ? status : http.Response.StatusCode;
    }
}

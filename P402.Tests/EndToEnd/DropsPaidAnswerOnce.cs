using Microsoft.AspNetCore.Http;

namespace P402.Tests.EndToEnd;

/// <summary>
/// Middleware of the merchant app: the first successful paid answer on a path (one per payment header) is
/// produced (the payment is settled) and then never sent: the connection is aborted, as if it had broken.
/// </summary>
internal static class DropsPaidAnswerOnce
{
    public static Func<HttpContext, RequestDelegate, Task> For(string path)
    {
        var dropped = new HashSet<string>();
        return async (http, next) =>
        {
            var payment = http.Request.Headers["PAYMENT-SIGNATURE"].ToString();
            if (!http.Request.Path.Equals(path, StringComparison.Ordinal) || payment.Length == 0)
            {
                await next(http);
                return;
            }
            var body = http.Response.Body;
            using var buffer = new MemoryStream();
            http.Response.Body = buffer;
            await next(http);
            http.Response.Body = body;
            bool drop;
            lock (dropped)
            {
                drop = http.Response.StatusCode == StatusCodes.Status200OK && dropped.Add(payment);
            }
            if (drop)
            {
                http.Abort();
                return;
            }
            buffer.Position = 0;
            await buffer.CopyToAsync(body);
        };
    }
}

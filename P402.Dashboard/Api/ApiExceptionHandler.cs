using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using P402.Core.Data;

namespace P402.Dashboard.Api;

/// <summary>
/// The one place unexpected exceptions end: logged once with the request id, answered as
/// problem+json without internals. Bad request bodies (too large, unreadable) are the client's, 400.
/// </summary>
internal sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already switched Request.Path to the error page; the feature keeps the original.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path is { } original ? new PathString(original) : httpContext.Request.Path;
        if (!ApiComposition.IsApiPath(path))
        {
            return false;
        }
        httpContext.Request.Path = path; // so that the problem's instance names the failed request
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (StatusCodes.Status400BadRequest, "The request is malformed.", bad.Message),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => (499, "Client closed the request.", "Cancelled."),
            _ when DatabaseUnavailable.Is(exception) => (StatusCodes.Status503ServiceUnavailable, "The database is unavailable.", "Retry shortly: a payment is never settled twice, and a reuse that was not answered was not counted."),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred.", "The error was logged with this requestId."),
        };
        if (status == StatusCodes.Status500InternalServerError)
        {
            Unexpected(logger, exception, httpContext.GetRequestId());
        }
        else if (status == StatusCodes.Status503ServiceUnavailable)
        {
            Unavailable(logger, httpContext.GetRequestId(), exception.Message);
        }
        // The middleware cleared the response, headers included: give the Request-Id header back.
        httpContext.Response.Headers[RequestIds.HeaderName] = httpContext.GetRequestId();
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "1";
        }
        var result = ApiProblems.Problem(httpContext, status, title, detail);
        httpContext.Features.Get<IHttpResponseFeature>()!.ReasonPhrase = null;
        await result.ExecuteAsync(httpContext);
        return true;
    }

    [LoggerMessage(EventId = 9000, Level = LogLevel.Error, Message = "Unexpected error in request {RequestId}")]
    private static partial void Unexpected(ILogger logger, Exception exception, string requestId);

    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "Request {RequestId} answered 503: the database is unavailable ({Reason})")]
    private static partial void Unavailable(ILogger logger, string requestId, string reason);
}

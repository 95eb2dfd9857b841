namespace P402.Tests.EndToEnd;

/// <summary>
/// Between the merchant app and P402: the first <c>/settle</c> of each payment for <paramref name="path"/> reaches
/// P402, which settles it, but its answer is thrown away and the merchant app sees a failed connection.
/// <paramref name="lostBodies"/> is shared by the handler instances the client factory makes.
/// </summary>
internal sealed class LosesSettleAnswerOnce(string path, HashSet<string> lostBodies) : DelegatingHandler
{
    private readonly HashSet<string> _lost = lostBodies;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        bool lose;
        lock (_lost)
        {
            lose = request.RequestUri!.AbsolutePath.EndsWith("/settle", StringComparison.Ordinal)
                && body.Contains(path, StringComparison.Ordinal) && _lost.Add(body);
        }
        if (!lose)
        {
            return response;
        }
        response.Dispose();
        throw new HttpRequestException(HttpRequestError.ConnectionError, "The test lost P402's settle answer.");
    }
}

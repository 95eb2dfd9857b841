using System.Net;

namespace P402.Tests.Facilitator;

/// <summary>A body whose length is not announced, so only reading it reveals its size.</summary>
internal sealed class UnsizedContent : HttpContent
{
    private readonly byte[] _bytes;

    public UnsizedContent(byte[] bytes)
    {
        _bytes = bytes;
        Headers.ContentType = new("application/json");
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}

using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Sigil.Protocol.Errors;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace Sigil.LanguageServer.Hosting;

/// <summary>
/// LSP framing (<c>Content-Length: N\r\n\r\n</c> then N bytes of JSON) over the server's stdin/stdout, tolerant of bad
/// input: a body that is not JSON is answered with -32700 Parse error, JSON that is not a message with -32600 Invalid
/// Request, and a malformed header block with -32700 after which the reader resynchronizes on the next
/// <c>Content-Length</c> line. The connection stays open in every case (StreamJsonRpc's own
/// <c>HeaderDelimitedMessageHandler</c> closes it on the first bad body). Only end of input ends reading.
/// </summary>
internal sealed class LspMessageHandler : MessageHandlerBase
{
    /// <summary>The largest body accepted (64 MiB); a larger one is skipped and answered with an error.</summary>
    public const int MaxBodyBytes = 64 * 1024 * 1024;

    private const string LengthHeader = "Content-Length";

    private readonly Stream _input;
    private readonly Stream _output;
    private readonly ServerLog _log;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    public LspMessageHandler(Stream input, Stream output, SystemTextJsonFormatter formatter, ServerLog log)
        : base(formatter)
    {
        _input = input;
        _output = output;
        _log = log;
    }

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanWrite => true;

    /// <inheritdoc />
    protected override async ValueTask<JsonRpcMessage?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        var resync = false;
        while (true)
        {
            var length = await ReadHeadersAsync(resync, cancellationToken).ConfigureAwait(false);
            resync = false;
            switch (length)
            {
                case null:
                    return null;
                case < 0:
                    resync = true;
                    await AnswerAsync(null, SigilErrorCodes.ParseError, "parse-error",
                        "Parse error: a message header is malformed; every message must start with 'Content-Length: N' and an empty line.", cancellationToken).ConfigureAwait(false);
                    continue;
            }
            var body = await ReadBodyAsync(length.Value, cancellationToken).ConfigureAwait(false);
            if (body is null)
            {
                return null;
            }
            if (length.Value > MaxBodyBytes)
            {
                await AnswerAsync(null, SigilErrorCodes.InvalidRequest, "invalid-request",
                    $"Invalid Request: a message of {length.Value:N0} bytes is over the {MaxBodyBytes:N0} byte limit; it was skipped.", cancellationToken).ConfigureAwait(false);
                continue;
            }
            if (TryDeserialize(body, out var message, out var problem))
            {
                if (message is JsonRpcRequest request && PositionalParams(body) is > 1 and var count)
                {
                    await AnswerPositionalAsync(request, count, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                return message;
            }
            await AnswerMalformedAsync(body, problem, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    protected override async ValueTask WriteCoreAsync(JsonRpcMessage content, CancellationToken cancellationToken)
    {
        var body = new ArrayBufferWriter<byte>();
        Formatter.Serialize(body, content);
        var header = Encoding.ASCII.GetBytes($"{LengthHeader}: {body.WrittenCount.ToString(CultureInfo.InvariantCulture)}\r\n\r\n");
        await _output.WriteAsync(header, cancellationToken).ConfigureAwait(false);
        await _output.WriteAsync(body.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override ValueTask FlushAsync(CancellationToken cancellationToken) => new(_output.FlushAsync(cancellationToken));

    private bool TryDeserialize(byte[] body, out JsonRpcMessage? message, out string problem)
    {
        message = null;
        problem = "";
        try
        {
            message = Formatter.Deserialize(new ReadOnlySequence<byte>(body));
        }
        catch (Exception e)
        {
            problem = e.GetBaseException().Message;
            return false;
        }
        if (message is JsonRpcRequest { Method: null or "" })
        {
            problem = "the message has no method";
            return false;
        }
        return message is not null;
    }

    /// <summary>
    /// Params given as an array of several values: every method here takes one params object, and StreamJsonRpc would
    /// otherwise look for an overload of that arity and answer a confusing "method not found".
    /// </summary>
    private async Task AnswerPositionalAsync(JsonRpcRequest request, int count, CancellationToken ct)
    {
        _log.Warn($"{request.Method}: answered -32602: params is an array of {count} values");
        if (request.IsResponseExpected)
        {
            await AnswerAsync(request.RequestId, SigilErrorCodes.InvalidParams, "invalid-params",
                $"{request.Method}: params is an array of {count} values; send one object, e.g. \"params\": {{ … }} (see docs/lsp-extensions.md).", ct).ConfigureAwait(false);
        }
    }

    /// <summary>How many values a top-level <c>"params"</c> array holds (0 when params is an object or absent); other
    /// members are skipped, not parsed.</summary>
    private static int PositionalParams(byte[] body)
    {
        var reader = new Utf8JsonReader(body);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return 0;
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isParams = reader.ValueTextEquals("params"u8);
            reader.Read();
            if (isParams && reader.TokenType == JsonTokenType.StartArray)
            {
                var count = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    count++;
                    reader.Skip();
                }
                return count;
            }
            reader.Skip();
        }
        return 0;
    }

    private async Task AnswerMalformedAsync(byte[] body, string problem, CancellationToken ct)
    {
        JsonDocument? document = null;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            _log.Warn($"answered -32700: the body is not JSON ({e.Message})");
            await AnswerAsync(null, SigilErrorCodes.ParseError, "parse-error", $"Parse error: the message body is not valid JSON ({e.Message}).", ct).ConfigureAwait(false);
            return;
        }
        using (document)
        {
            var id = IdOf(document.RootElement);
            _log.Warn($"answered -32600: the JSON is not a JSON-RPC message ({problem})");
            await AnswerAsync(id, SigilErrorCodes.InvalidRequest, "invalid-request",
                $"Invalid Request: the JSON is not a JSON-RPC 2.0 request or notification ({problem}); send an object with \"jsonrpc\": \"2.0\", \"method\" and, for a request, \"id\".", ct).ConfigureAwait(false);
        }
    }

    private static RequestId IdOf(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("id", out var id))
        {
            return RequestId.Null;
        }
        return id.ValueKind switch
        {
            JsonValueKind.Number when id.TryGetInt64(out var n) => new RequestId(n),
            JsonValueKind.String => new RequestId(id.GetString()),
            _ => RequestId.Null,
        };
    }

    private async Task AnswerAsync(RequestId? id, int code, string kind, string message, CancellationToken ct)
    {
        var error = new JsonRpcError
        {
            RequestId = id ?? RequestId.Null,
            Error = new JsonRpcError.ErrorDetail { Code = (JsonRpcErrorCode)code, Message = message, Data = new SigilErrorData { Kind = kind } },
        };
        await WriteAsync(error, ct).ConfigureAwait(false);
    }

    /// <summary>The Content-Length of the next message; null at end of input; -1 for a malformed header block.</summary>
    private async Task<int?> ReadHeadersAsync(bool resync, CancellationToken ct)
    {
        int? length = null;
        var malformed = false;
        var any = false;
        while (true)
        {
            var line = await ReadLineAsync(ct).ConfigureAwait(false);
            if (line is null)
            {
                return null;
            }
            var isLength = line.StartsWith(LengthHeader + ":", StringComparison.OrdinalIgnoreCase);
            if (resync && !isLength)
            {
                continue; // Skipping what follows a malformed block until the next message starts.
            }
            resync = false;
            if (line.Length == 0)
            {
                if (!any)
                {
                    continue;
                }
                return malformed || length is null ? -1 : length;
            }
            any = true;
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                malformed = true;
                return -1;
            }
            if (isLength)
            {
                var text = line[(colon + 1)..].Trim();
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                {
                    length = n;
                }
                else
                {
                    malformed = true;
                }
            }
        }
    }

    /// <summary>One header line without its line break, or null at end of input (lines are ASCII).</summary>
    private async Task<string?> ReadLineAsync(CancellationToken ct)
    {
        var line = new StringBuilder();
        while (true)
        {
            if (_start == _end && !await FillAsync(ct).ConfigureAwait(false))
            {
                return line.Length > 0 ? line.ToString() : null;
            }
            var b = _buffer[_start++];
            if (b == (byte)'\n')
            {
                if (line.Length > 0 && line[^1] == '\r')
                {
                    line.Length--;
                }
                return line.ToString();
            }
            if (line.Length < 8192)
            {
                line.Append((char)b);
            }
        }
    }

    /// <summary>Reads <paramref name="length"/> bytes (skipping them past the limit); null at end of input.</summary>
    private async Task<byte[]?> ReadBodyAsync(int length, CancellationToken ct)
    {
        var keep = length <= MaxBodyBytes;
        var body = keep ? new byte[length] : [];
        var read = 0;
        while (read < length)
        {
            if (_start == _end && !await FillAsync(ct).ConfigureAwait(false))
            {
                return null;
            }
            var n = Math.Min(length - read, _end - _start);
            if (keep)
            {
                Buffer.BlockCopy(_buffer, _start, body, read, n);
            }
            _start += n;
            read += n;
        }
        return body;
    }

    private async Task<bool> FillAsync(CancellationToken ct)
    {
        _start = 0;
        _end = await _input.ReadAsync(_buffer, ct).ConfigureAwait(false);
        return _end > 0;
    }
}

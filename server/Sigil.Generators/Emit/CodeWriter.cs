using System.Text;

namespace Sigil.Generators.Emit
{
    /// <summary>Builds C# text with four-space indentation and '\n' line ends.</summary>
    internal sealed class CodeWriter
    {
        private readonly StringBuilder _builder = new StringBuilder();
        private int _depth;

        public CodeWriter Line(string text = "")
        {
            if (text.Length > 0)
            {
                _builder.Append(' ', _depth * 4).Append(text);
            }
            _builder.Append('\n');
            return this;
        }

        public CodeWriter Open(string? header = null)
        {
            if (header is not null)
            {
                Line(header);
            }
            Line("{");
            _depth++;
            return this;
        }

        public CodeWriter Close(string suffix = "")
        {
            _depth--;
            return Line("}" + suffix);
        }

        public override string ToString() => _builder.ToString();
    }
}

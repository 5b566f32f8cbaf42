// Streams XML bytes through a SAX parser, so that a sheet is read as it inflates and never held whole; element
// and attribute names come without their namespace prefix (`x:row` and `row` are the same element).
import { Parser } from 'htmlparser2';

export interface XmlHandlers {
  open?(name: string, attributes: Readonly<Record<string, string>>): void;
  text?(text: string): void;
  close?(name: string): void;
}

export interface XmlSink {
  write(bytes: Uint8Array): void;
  end(): void;
}

export function xmlEvents(handlers: XmlHandlers): XmlSink {
  const parser = new Parser(
    {
      onopentag: (name, attributes) => handlers.open?.(localName(name), localAttributes(attributes)),
      // XML reads every line break as \n.
      ontext: (text) => handlers.text?.(text.replace(/\r\n?/g, '\n')),
      onclosetag: (name) => handlers.close?.(localName(name)),
    },
    { xmlMode: true, decodeEntities: true },
  );
  const decoder = new TextDecoder('utf-8');
  return {
    write: (bytes) => parser.write(decoder.decode(bytes, { stream: true })),
    end: () => {
      parser.write(decoder.decode());
      parser.end();
    },
  };
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

function localAttributes(attributes: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(attributes)) {
    // Relationship ids (r:id) keep their prefix: a workbook's `<sheet>` also has a plain `sheetId`.
    out[name.startsWith('xmlns') || name.endsWith(':id') ? name : localName(name)] = value;
  }
  return out;
}

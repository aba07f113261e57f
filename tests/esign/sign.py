"""Signs the empty signature fields of a PDF one after another with pyHanko, then validates
every signature. Used by tests/esign.rs (a throwaway certificate made there with openssl).

    python3 sign.py KEY CERT IN OUT FIELD...

Prints one line per signature: "<field> intact=<bool> valid=<bool> coverage=<name>", and exits
non-zero when a field is missing or a signature does not validate."""
import sys

from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers
from pyhanko.sign.fields import enumerate_sig_fields
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from pyhanko.keys import load_cert_from_pemder


def main():
    key, cert, src, dst, *names = sys.argv[1:]
    signer = signers.SimpleSigner.load(key, cert)
    data = open(src, "rb").read()
    with open(src, "rb") as f:
        empty = [name for name, value, _ in enumerate_sig_fields(PdfFileReader(f)) if value is None]
    missing = [n for n in names if n not in empty]
    if missing:
        print("missing empty fields:", missing, "found:", empty)
        sys.exit(2)
    import io
    for name in names:
        w = IncrementalPdfFileWriter(io.BytesIO(data))
        out = io.BytesIO()
        signers.sign_pdf(w, signers.PdfSignatureMetadata(field_name=name), signer=signer, output=out)
        data = out.getvalue()
    open(dst, "wb").write(data)
    vc = ValidationContext(trust_roots=[load_cert_from_pemder(cert)])
    ok = True
    r = PdfFileReader(io.BytesIO(data))
    for s in r.embedded_signatures:
        st = validate_pdf_signature(s, vc)
        print(f"{s.field_name} intact={st.intact} valid={st.valid} trusted={st.trusted} coverage={st.coverage.name}")
        ok = ok and st.intact and st.valid and st.trusted
    sys.exit(0 if ok else 1)


main()

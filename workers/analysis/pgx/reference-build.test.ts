import { describe, expect, it } from 'vitest';
import { detectReferenceBuild } from './reference-build.js';

describe('detectReferenceBuild', () => {
  it('reads ##reference first, then contig assembly tags, then known chromosome lengths', () => {
    expect(detectReferenceBuild(['##reference=file:///ref/GRCh38_full_analysis_set_plus_decoy_hla.fa']).build).toBe('GRCh38');
    expect(detectReferenceBuild(['##reference=file:///ref/human_g1k_v37.fasta']).build).toBe('GRCh37');
    expect(detectReferenceBuild(['##reference=1000GenomesPilot-NCBI36']).build).toBe('NCBI36');
    // The shapes of the shared hapmap exome (b37), cyvcf2 (hg19) and 1000 Genomes 2020 (lengths only) headers.
    expect(detectReferenceBuild(['##contig=<ID=22,length=51304566,assembly=b37>'])).toEqual({ build: 'GRCh37', evidence: '##contig=<ID=22,length=51304566,assembly=b37>' });
    expect(detectReferenceBuild(['##contig=<ID=chr22,length=51304566,assembly=hg19>']).build).toBe('GRCh37');
    expect(detectReferenceBuild(['##contig=<ID=chr22,length=50818468>']).build).toBe('GRCh38');
    expect(detectReferenceBuild(['##contig=<ID=1,length=249250621>']).build).toBe('GRCh37');
  });

  it('is unknown when nothing names a build or a known length', () => {
    expect(detectReferenceBuild(['##fileformat=VCFv4.2', '##contig=<ID=chr7>', '##contig=<ID=chr22,length=123>'])).toEqual({ build: 'unknown', evidence: null });
  });
});

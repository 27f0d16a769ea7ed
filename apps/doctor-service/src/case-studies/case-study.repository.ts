import { Injectable } from '@nestjs/common';
import { InjectModel, type ModelDefinition } from '@nestjs/mongoose';
import type { FilterQuery, Model, SortOrder } from 'mongoose';
import type { CaseStudyStatus, EventEnvelope } from '@arogyam/contracts';
import { findPage, pushToOutbox, type PageWindow } from '@arogyam/persistence';
import { CaseStudy, CaseStudySchema } from './case-study.schema';

// The author's own cases, last changed first (`pageOfAuthor`).
CaseStudySchema.index({ authorId: 1, updatedAt: -1, _id: 1 });
// The admins' queue: one status, oldest submission first (`pageOfStatus`).
CaseStudySchema.index({ status: 1, submittedAt: 1, _id: 1 });
// Published cases with no filter, newest or most read first (`pageOfPublished`).
CaseStudySchema.index({ status: 1, publishedAt: -1, _id: 1 });
CaseStudySchema.index({ status: 1, readCount: -1, publishedAt: -1, _id: 1 });
// One equality filter leads each of these; the others (and "most read") are checked on what it finds.
CaseStudySchema.index({ specialtyKey: 1, status: 1, publishedAt: -1 });
CaseStudySchema.index({ tags: 1, status: 1, publishedAt: -1 });
CaseStudySchema.index({ searchPrefixes: 1, status: 1, publishedAt: -1 });
CaseStudySchema.index({ authorId: 1, status: 1, publishedAt: -1 });

export const caseStudyModel: ModelDefinition = { name: CaseStudy.name, schema: CaseStudySchema };

/** What a list shows of a case: no texts, images, search keys or outbox. */
const CARD_FIELDS = {
  presentation: 0,
  investigations: 0,
  diagnosis: 0,
  treatment: 0,
  outcome: 0,
  learningPoints: 0,
  images: 0,
  searchPrefixes: 0,
  outbox: 0,
} as const;

/** A case's own fields as a save writes them. */
export type CaseStudyContent = Pick<
  CaseStudy,
  | 'authorName'
  | 'title'
  | 'specialty'
  | 'specialtyKey'
  | 'tags'
  | 'presentation'
  | 'investigations'
  | 'diagnosis'
  | 'treatment'
  | 'outcome'
  | 'learningPoints'
  | 'images'
  | 'searchPrefixes'
>;

export type CaseStudyCard = Omit<CaseStudy, keyof typeof CARD_FIELDS>;

export type PublishedOrder = 'newest' | 'most_read';
const ORDERS: Record<PublishedOrder, Record<string, SortOrder>> = {
  newest: { publishedAt: -1, _id: 1 },
  most_read: { readCount: -1, publishedAt: -1, _id: 1 },
};

/** The statuses in which the author may change a case. */
export const EDITABLE: CaseStudyStatus[] = ['draft', 'returned'];

/** Every read and write of `case_studies`. Status changes are conditional on the status they leave. */
@Injectable()
export class CaseStudyRepository {
  constructor(@InjectModel(CaseStudy.name) private readonly cases: Model<CaseStudy>) {}

  async insert(
    caseStudy: Omit<CaseStudy, 'createdAt' | 'updatedAt' | 'readCount' | 'outbox'>,
  ): Promise<CaseStudy> {
    return (await this.cases.create(caseStudy)).toObject<CaseStudy>();
  }

  findById(id: string): Promise<CaseStudy | null> {
    return this.cases.findById(id, { outbox: 0, searchPrefixes: 0 }).lean<CaseStudy>().exec();
  }

  /** The author's change of a draft or returned case; null when it is not theirs or not editable now. */
  updateContent(id: string, authorId: string, content: CaseStudyContent): Promise<CaseStudy | null> {
    return this.cases
      .findOneAndUpdate({ _id: id, authorId, status: { $in: EDITABLE } }, { $set: content }, { new: true })
      .lean<CaseStudy>()
      .exec();
  }

  /**
   * Moves the case from one of `from` to `to` with its event, in one write: of two reviewers
   * deciding at once, one moves it and the other finds it gone from `from` (null).
   */
  changeStatus(
    id: string,
    from: CaseStudyStatus[],
    also: FilterQuery<CaseStudy>,
    change: Partial<CaseStudy>,
    event: EventEnvelope,
  ): Promise<CaseStudy | null> {
    return this.cases
      .findOneAndUpdate(
        { ...also, _id: id, status: { $in: from } },
        { $set: change, ...pushToOutbox(event) },
        // No projection: FerretDB's findAndModify does not take one (NotImplemented); views pick fields.
        { new: true },
      )
      .lean<CaseStudy>()
      .exec();
  }

  /** One more public read: an `$inc`, so concurrent reads all count; not a change for `updatedAt`. */
  async countRead(id: string): Promise<void> {
    await this.cases
      .updateOne({ _id: id, status: 'published' }, { $inc: { readCount: 1 } }, { timestamps: false })
      .exec();
  }

  pageOfAuthor(authorId: string, window: PageWindow): Promise<{ documents: CaseStudyCard[]; total: number }> {
    return findPage(this.cases, { authorId }, { updatedAt: -1, _id: 1 }, window, CARD_FIELDS);
  }

  pageOfStatus(
    status: CaseStudyStatus,
    window: PageWindow,
  ): Promise<{ documents: CaseStudyCard[]; total: number }> {
    return this.page({ status }, { submittedAt: 1, _id: 1 }, window);
  }

  /** Published cases matching every given key, in `order`. */
  async pageOfPublished(
    keys: { specialtyKey?: string; tag?: string; prefixes?: string[]; authorId?: string },
    order: PublishedOrder,
    window: PageWindow,
  ): Promise<{ documents: CaseStudyCard[]; total: number }> {
    const filter: FilterQuery<CaseStudy> = { status: 'published' };
    if (keys.specialtyKey !== undefined) filter.specialtyKey = keys.specialtyKey;
    if (keys.tag !== undefined) filter.tags = keys.tag;
    if (keys.authorId !== undefined) filter.authorId = keys.authorId;
    if (keys.prefixes && keys.prefixes.length > 0)
      filter.searchPrefixes = keys.prefixes.length === 1 ? keys.prefixes[0] : { $all: keys.prefixes };
    return this.page(filter, ORDERS[order], window);
  }

  /**
   * Not findPage: its pushdown comment promises every sort field present in every document, and a
   * draft has no `submittedAt` or `publishedAt`.
   */
  private async page(
    filter: FilterQuery<CaseStudy>,
    sort: Record<string, SortOrder>,
    window: PageWindow,
  ): Promise<{ documents: CaseStudyCard[]; total: number }> {
    const [documents, total] = await Promise.all([
      this.cases
        .find(filter, CARD_FIELDS)
        .sort(sort)
        .skip(window.skip)
        .limit(window.limit)
        .lean<CaseStudyCard[]>()
        .exec(),
      this.cases.countDocuments(filter).exec(),
    ]);
    return { documents, total };
  }
}

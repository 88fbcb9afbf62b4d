/** @file docid_list_source.h
 *  @brief A posting source of given docids: filters a query down to the
 *  documents of a page chosen outside Xapian, so that Xapian computes only
 *  their weights, order and snippets.
 */
#pragma once

#include <xapian.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace stmt {

class DocidListSource : public Xapian::PostingSource {
public:
    explicit DocidListSource(std::vector<Xapian::docid> docids) : docids_(std::move(docids)) {
        std::sort(docids_.begin(), docids_.end());
        docids_.erase(std::unique(docids_.begin(), docids_.end()), docids_.end());
    }

    Xapian::doccount get_termfreq_min() const override { return static_cast<Xapian::doccount>(docids_.size()); }
    Xapian::doccount get_termfreq_est() const override { return get_termfreq_min(); }
    Xapian::doccount get_termfreq_max() const override { return get_termfreq_min(); }

    void init(const Xapian::Database&) override {
        started_ = false;
        at_ = 0;
    }
    void next(double) override {
        if (started_) ++at_;
        started_ = true;
    }
    void skip_to(Xapian::docid docid, double) override {
        const auto from = docids_.begin() + static_cast<std::ptrdiff_t>(started_ ? at_ : 0);
        at_ = static_cast<std::size_t>(std::lower_bound(from, docids_.end(), docid) - docids_.begin());
        started_ = true;
    }
    bool at_end() const override { return started_ && at_ >= docids_.size(); }
    Xapian::docid get_docid() const override { return docids_[at_]; }
    Xapian::PostingSource* clone() const override { return new DocidListSource(docids_); }
    std::string get_description() const override { return "DocidListSource"; }

private:
    std::vector<Xapian::docid> docids_;
    std::size_t at_ = 0;
    bool started_ = false;
};

}  // namespace stmt
